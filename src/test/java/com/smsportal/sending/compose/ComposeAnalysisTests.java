package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gateway.GatewayCharset;
import java.util.List;
import java.util.Set;
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
  void suggestsAnOptOutPhraseOnlyForTextsThatAreNotAVerificationCodeAndLackOne() {
    // Verification codes: a code word, a code of 4 to 8 digits, no marketing cue.
    assertThat(ComposeAnalysis.of("", "【聚合云】验证码 4829，5 分钟内有效").optOutHint()).isFalse();
    assertThat(ComposeAnalysis.of("", "【Acme】Your code is 12345678").optOutHint()).isFalse();
    assertThat(ComposeAnalysis.of("", "【Acme】OTP: 902113").optOutHint()).isFalse();
    // Not a code: no code word, a number too short or too long, or a marketing cue.
    assertThat(ComposeAnalysis.of("", "【聚合云】订单 4829 已发货").optOutHint()).isTrue();
    assertThat(ComposeAnalysis.of("", "【聚合云】验证码 123").optOutHint()).isTrue();
    assertThat(ComposeAnalysis.of("", "【聚合云】验证码 13800138000").optOutHint()).isTrue();
    assertThat(ComposeAnalysis.of("", "【聚合云】会员日特价，验证码 4829 领取红包").optOutHint()).isTrue();
    // An opt-out phrase already there, in either language; an empty text needs nothing.
    assertThat(ComposeAnalysis.of("", "【聚合云】双十一大促，回T退订").optOutHint()).isFalse();
    assertThat(ComposeAnalysis.of("", "【聚合云】大促，拒收请回复R").optOutHint()).isFalse();
    assertThat(ComposeAnalysis.of("", "【Acme】Big sale! Reply STOP to unsubscribe").optOutHint())
        .isFalse();
    assertThat(ComposeAnalysis.of("", "").optOutHint()).isFalse();
  }

  @Test
  void theNumbersToSendLeaveOutTheOptedOutOnesWhichAreCountedApart() {
    ComposeAnalysis analysis =
        ComposeAnalysis.of(
            "13800138000\n13900139000\n13700137000",
            "【聚合云】您好",
            valid -> Set.of("13900139000"),
            null);
    assertThat(analysis.sendCount()).isEqualTo(2);
    assertThat(analysis.optedOutCount()).isEqualTo(1);
    assertThat(analysis.shownOptedOut()).containsExactly("13900139000");
    assertThat(analysis.cost()).isEqualTo(2);
  }

  @Test
  void countsCharactersNotUtf16Units() {
    assertThat(ComposeAnalysis.of("", "😀好").characters()).isEqualTo(2);
  }

  @Test
  void namesEachCharacterAGbkAccountCannotCarryOnceInOrder() {
    record Case(String content, List<String> notCarried) {}
    List<Case> cases =
        List.of(
            new Case("【聚合云】生日快乐🎂", List.of("🎂")),
            new Case("【聚合云】您好，刘䶮先生", List.of("䶮")), // CJK extension A: not in GBK
            new Case("𠀀与𪚥（扩展 B）", List.of("𠀀", "𪚥")),
            new Case("😀😀好😀", List.of("😀")),
            new Case("• 会员日 ™", List.of("•", "™")),
            new Case("【聚合云】喆、镕、堃、〇、①、€5、～", List.of()), // rare-looking, yet in GBK
            new Case("plain ASCII 123", List.of()),
            new Case("\uD83D alone", List.of("\uD83D")));
    for (Case c : cases) {
      assertThat(
              ComposeAnalysis.of("", c.content(), v -> Set.of(), GatewayCharset.GBK).notCarried())
          .as(c.content())
          .containsExactlyElementsOf(c.notCarried());
    }
  }

  @Test
  void aUtf8AccountCarriesEmojiAndRareCharactersAndNoAccountFlagsNothing() {
    String content = "【聚合云】生日快乐🎂 刘䶮 𠀀";
    assertThat(ComposeAnalysis.of("", content, v -> Set.of(), GatewayCharset.UTF8).notCarried())
        .isEmpty();
    assertThat(ComposeAnalysis.of("", content).notCarried()).isEmpty();
  }

  @Test
  void numbersOnTheOptOutListAreCountedShownAndLeftOutOfTheCost() {
    String numbers =
        IntStream.range(0, 80)
            .mapToObj(i -> String.format("137%08d", i))
            .collect(Collectors.joining(","));
    Set<String> listed =
        IntStream.range(0, 60)
            .mapToObj(i -> String.format("137%08d", 79 - i))
            .collect(Collectors.toSet());
    ComposeAnalysis analysis =
        ComposeAnalysis.of(numbers, "hi", valid -> listed, GatewayCharset.UTF8);
    assertThat(analysis.validCount()).isEqualTo(80);
    assertThat(analysis.optedOutCount()).isEqualTo(60);
    assertThat(analysis.shownOptedOut()).hasSize(50).startsWith("13700000020");
    assertThat(analysis.sendCount()).isEqualTo(20);
    assertThat(analysis.cost()).isEqualTo(20);
  }
}
