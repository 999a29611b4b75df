package com.smsportal.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The portal's one reading of a phone number: what a send and the opt-out list take ({@code
 * mainland}), what a search and a gateway's report are compared as ({@code number}).
 */
class MobileNumberTests {

  @ParameterizedTest(name = "[{0}] -> mainland {1}, number {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        // A mainland mobile number, however it is written, is its 11 digits.
        "13800138000|13800138000|13800138000",
        "19912345678|19912345678|19912345678",
        "14512345678|14512345678|14512345678",
        "' 13800138000 '|13800138000|13800138000",
        // +86, 0086 and 86 in front.
        "+8613800138000|13800138000|13800138000",
        "8613800138000|13800138000|13800138000",
        "008613800138000|13800138000|13800138000",
        "+008613800138000|13800138000|13800138000",
        "+86 138 0013 8000|13800138000|13800138000",
        "0086 138 0013 8000|13800138000|13800138000",
        "86 138 0013 8000|13800138000|13800138000",
        // Spaces, dashes, dots and brackets group the digits.
        "138 0013 8000|13800138000|13800138000",
        "138-0013-8000|13800138000|13800138000",
        "+86-138-0013-8000|13800138000|13800138000",
        "(+86) 138.0013.8000|13800138000|13800138000",
        // Full-width digits, plus, space and dash, as a Chinese input method types them.
        "１３８００１３８０００|13800138000|13800138000",
        "＋８６１３８００１３８０００|13800138000|13800138000",
        "＋８６　１３８－００１３－８０００|13800138000|13800138000",
        // Landlines and short codes are no mobile numbers, but are numbers: their digits.
        "010-12345678|NONE|01012345678",
        "021 6123 4567|NONE|02161234567",
        "(0755) 1234-5678|NONE|075512345678",
        "02012345678|NONE|02012345678",
        "10690001|NONE|10690001",
        "0086 10 1234 5678|NONE|00861012345678",
        // Digits outside the mobile ranges or of the wrong length are not a mobile number.
        "12345678901|NONE|12345678901",
        "1380013800|NONE|1380013800",
        "138001380001|NONE|138001380001",
        "86 1380013800|NONE|861380013800",
        "0086|NONE|0086",
        // Another country's code, a landline after a plus, or anything that is no number at all.
        "+14155550100|NONE|NONE",
        "+85291234567|NONE|NONE",
        "+86 10 1234 5678|NONE|NONE",
        "1380013800a|NONE|NONE",
        "13800138000+|NONE|NONE",
        "++8613800138000|NONE|NONE",
        "138/0013/8000|NONE|NONE",
        "123456789012345678901|NONE|NONE",
        "''|NONE|NONE",
        "'   '|NONE|NONE",
        "NONE|NONE|NONE",
      })
  void readsANumberOneWay(String typed, String mainland, String number) {
    assertThat(MobileNumber.mainland(typed)).as("mainland").isEqualTo(mainland);
    assertThat(MobileNumber.number(typed)).as("number").isEqualTo(number);
  }

  /** A number the gateway reported is kept as the portal reads it, or as it came. */
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "13900000001|13900000001",
        "8613900000001|13900000001",
        "+8613900000001|13900000001",
        "008613900000001|13900000001",
        "10690001|10690001",
        "+14155550100|+14155550100",
        "unknown|unknown",
      })
  void keepsAReportedNumberAsItReadsOrAsItCame(String raw, String stored) {
    assertThat(MobileNumber.reported(raw)).isEqualTo(stored);
  }

  /** A search for part of a number: a whole number as it reads, else the digits typed. */
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "+86 139 0000 0001|13900000001",
        "8613900000001|13900000001",
        "0001|0001",
        "139-0000|1390000",
        "１３９|139",
        "+1 415|1415",
        "abc|''",
        "NONE|''",
      })
  void searchesForPartOfANumberByItsDigits(String typed, String looksFor) {
    assertThat(MobileNumber.fragment(typed)).isEqualTo(looksFor);
  }
}
