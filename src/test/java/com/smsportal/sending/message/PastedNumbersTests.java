package com.smsportal.sending.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a pasted list splits into numbers; each number is read as MobileNumberTests shows. */
class PastedNumbersTests {

  @Test
  void readsNumbersSeparatedAnyWayPeoplePasteThem() {
    ParsedNumbers parsed =
        PastedNumbers.parse(
            "13800138000,13900139000，13700137000;13600136000\n13500135000\r\n"
                + "13400134000 13300133000\t13200132000、13100131000");
    assertThat(parsed.valid())
        .containsExactly(
            "13800138000",
            "13900139000",
            "13700137000",
            "13600136000",
            "13500135000",
            "13400134000",
            "13300133000",
            "13200132000",
            "13100131000");
    assertThat(parsed.invalid()).isEmpty();
  }

  @Test
  void spacesThatGroupTheDigitsOfOneNumberDoNotSplitIt() {
    assertThat(PastedNumbers.parse("138 0013 8000\n+86 139 0013 9000").valid())
        .containsExactly("13800138000", "13900139000");
  }

  @Test
  void dropsRepeatsWhateverTheirSpellingAndCountsThem() {
    ParsedNumbers parsed =
        PastedNumbers.parse("13800138000, +86 138 0013 8000, 008613800138000, 13900139000");
    assertThat(parsed.valid()).containsExactly("13800138000", "13900139000");
    assertThat(parsed.duplicatesDropped()).isEqualTo(2);
  }

  @Test
  void listsInvalidEntriesAsTypedAndKeepsTheValidOnes() {
    ParsedNumbers parsed = PastedNumbers.parse("13800138000, 1234, 021-12345678, abc");
    assertThat(parsed.valid()).containsExactly("13800138000");
    assertThat(parsed.invalid()).containsExactly("1234", "021-12345678", "abc");
  }

  @Test
  void emptyInputHasNothing() {
    ParsedNumbers parsed = PastedNumbers.parse(" \n ,, ");
    assertThat(parsed.valid()).isEmpty();
    assertThat(parsed.invalid()).isEmpty();
    assertThat(parsed.duplicatesDropped()).isZero();
  }
}
