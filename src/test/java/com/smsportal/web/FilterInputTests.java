package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list pages' one filter binding: each field read from the parameter of its name, what cannot
 * be read reported under that name, nothing sent meaning nothing filtered.
 */
class FilterInputTests {

  private static FilterInput input(Map<String, String> parameters) {
    return new FilterInput(parameters::get);
  }

  @Test
  void fieldsThatWereNotSentOrAreBlankFilterNothingAndAreNoError() {
    FilterInput input = input(Map.of("mobile", " ", "q", ""));

    assertThat(input.mobile("mobile")).isNull();
    assertThat(input.text("q", 10)).isNull();
    assertThat(input.range("from", "to")).isEqualTo(new FilterInput.Range(null, null));
    assertThat(input.cursor("before")).isNull();
    assertThat(input.valid()).isTrue();
  }

  @Test
  void aTimeRangeIsChinaTimeAndItsEndKeepsTheWholeMinuteOrSecondItNames() {
    FilterInput.Range minutes =
        input(Map.of("from", "2026-03-02T08:00", "to", "2026-03-02T10:00")).range("from", "to");
    FilterInput.Range seconds = input(Map.of("to", "2026-03-02T10:00:30")).range("from", "to");

    assertThat(minutes.from()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(minutes.until()).isEqualTo(Instant.parse("2026-03-02T02:01:00Z"));
    assertThat(seconds.until()).isEqualTo(Instant.parse("2026-03-02T02:00:31Z"));
  }

  @Test
  void whatCannotBeReadIsReportedUnderItsOwnName() {
    FilterInput input =
        input(
            Map.of(
                "mobile", "138abc",
                "q", "x".repeat(11),
                "from", "2026-03-02T10:00",
                "to", "2026-03-02T09:00",
                "before", "yesterday"));

    input.mobile("mobile");
    input.text("q", 10);
    input.range("from", "to");
    input.cursor("before");

    assertThat(input.valid()).isFalse();
    assertThat(input.errors())
        .containsExactly(
            Map.entry("mobile", "filter.error.mobile"),
            Map.entry("q", "filter.error.tooLong"),
            Map.entry("to", "filter.error.range"),
            Map.entry("before", "filter.error.cursor"));
  }

  @Test
  void anUnreadableTimeIsItsOwnFieldsErrorNotTheRanges() {
    FilterInput input = input(Map.of("from", "yesterday", "to", "2026-03-02T09:00"));

    FilterInput.Range range = input.range("from", "to");

    assertThat(range.from()).isNull();
    assertThat(input.errors()).containsExactly(Map.entry("from", "filter.error.time"));
  }

  @Test
  void aNumberIsReadAsStoredWhateverPrefixItWasTypedWith() {
    assertThat(input(Map.of("mobile", "+86 138 0013 8000")).mobile("mobile"))
        .isEqualTo("13800138000");
  }
}
