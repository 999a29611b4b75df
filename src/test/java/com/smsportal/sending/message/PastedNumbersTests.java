package com.smsportal.sending.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MobileNumbersTests {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "INVALID",
      value = {
        "13800138000|13800138000",
        "+8613800138000|13800138000",
        "8613800138000|13800138000",
        "008613800138000|13800138000",
        "+86 138 0013 8000|13800138000",
        "138-0013-8000|13800138000",
        "(+86) 138.0013.8000|13800138000",
        "１３８００１３８０００|13800138000",
        "＋８６１３８００１３８０００|13800138000",
        "19912345678|19912345678",
        "14512345678|14512345678",
        "12345678901|INVALID",
        "1380013800|INVALID",
        "138001380001|INVALID",
        "02012345678|INVALID",
        "+14155550100|INVALID",
        "+85291234567|INVALID",
        "1380013800a|INVALID",
        "|INVALID",
      })
  void normalisesMainlandMobileNumbersAndRefusesEverythingElse(String entry, String expected) {
    assertThat(MobileNumbers.normalise(entry == null ? "" : entry)).isEqualTo(expected);
  }

  @Test
  void readsNumbersSeparatedAnyWayPeoplePasteThem() {
    ParsedNumbers parsed =
        MobileNumbers.parse(
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
    assertThat(MobileNumbers.parse("138 0013 8000\n+86 139 0013 9000").valid())
        .containsExactly("13800138000", "13900139000");
  }

  @Test
  void dropsRepeatsWhateverTheirSpellingAndCountsThem() {
    ParsedNumbers parsed =
        MobileNumbers.parse("13800138000, +86 138 0013 8000, 008613800138000, 13900139000");
    assertThat(parsed.valid()).containsExactly("13800138000", "13900139000");
    assertThat(parsed.duplicatesDropped()).isEqualTo(2);
  }

  @Test
  void listsInvalidEntriesAsTypedAndKeepsTheValidOnes() {
    ParsedNumbers parsed = MobileNumbers.parse("13800138000, 1234, 021-12345678, abc");
    assertThat(parsed.valid()).containsExactly("13800138000");
    assertThat(parsed.invalid()).containsExactly("1234", "021-12345678", "abc");
  }

  @Test
  void emptyInputHasNothing() {
    ParsedNumbers parsed = MobileNumbers.parse(" \n ,, ");
    assertThat(parsed.valid()).isEmpty();
    assertThat(parsed.invalid()).isEmpty();
    assertThat(parsed.duplicatesDropped()).isZero();
  }
}
