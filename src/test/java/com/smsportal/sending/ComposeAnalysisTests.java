package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ComposeAnalysisTests {

  @Test
  void costIsSegmentsTimesValidNumbers() {
    ComposeAnalysis analysis =
        ComposeAnalysis.of("13800138000, 13900139000, 13800138000, nonsense", "中".repeat(71));
    assertThat(analysis.validCount()).isEqualTo(2);
    assertThat(analysis.duplicatesDropped()).isEqualTo(1);
    assertThat(analysis.invalidCount()).isEqualTo(1);
    assertThat(analysis.segments().segments()).isEqualTo(2);
    assertThat(analysis.cost()).isEqualTo(4);
  }

  @Test
  void showsAtMostFiftyInvalidEntriesButCountsThemAll() {
    String junk = IntStream.range(0, 80).mapToObj(i -> "x" + i).collect(Collectors.joining(","));
    ComposeAnalysis analysis = ComposeAnalysis.of(junk, "hi");
    assertThat(analysis.invalidCount()).isEqualTo(80);
    assertThat(analysis.shownInvalid()).hasSize(50).startsWith("x0");
  }

  @Test
  void recognisesASignatureOfTwoToSixteenCharactersAtTheStart() {
    assertThat(ComposeAnalysis.of("", "【聚合云】您好").hasSignature()).isTrue();
    assertThat(ComposeAnalysis.of("", "【聚】您好").hasSignature()).isFalse();
    assertThat(ComposeAnalysis.of("", "【一二三四五六七八九十一二三四五六七】您好").hasSignature()).isFalse();
    assertThat(ComposeAnalysis.of("", "您好【聚合云】").hasSignature()).isFalse();
  }

  @Test
  void noticesTheOptOutHint() {
    assertThat(ComposeAnalysis.of("", "【聚合云】双十一大促，回T退订").hasOptOut()).isTrue();
    assertThat(ComposeAnalysis.of("", "【聚合云】双十一大促").hasOptOut()).isFalse();
  }

  @Test
  void countsCharactersNotUtf16Units() {
    assertThat(ComposeAnalysis.of("", "😀好").characters()).isEqualTo(2);
  }
}
