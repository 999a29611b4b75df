package com.smsportal.tenant.admin;

import com.smsportal.tenant.NumberLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The tenant page's form of the flood limits per number (issue 26), as typed: empty is the portal's
 * default, 0 no limit.
 */
record NumberLimitsForm(
    @PositiveOrZero(message = "{tenant.numberLimits.error.value}")
        @Max(value = NumberLimitsForm.MAX, message = "{tenant.numberLimits.error.value}")
        Integer perMinute,
    @PositiveOrZero(message = "{tenant.numberLimits.error.value}")
        @Max(value = NumberLimitsForm.MAX, message = "{tenant.numberLimits.error.value}")
        Integer perHour,
    @PositiveOrZero(message = "{tenant.numberLimits.error.value}")
        @Max(value = NumberLimitsForm.MAX, message = "{tenant.numberLimits.error.value}")
        Integer perDay) {

  static final long MAX = 100_000;

  static NumberLimitsForm of(NumberLimits own) {
    return new NumberLimitsForm(own.perMinute(), own.perHour(), own.perDay());
  }

  NumberLimits limits() {
    return new NumberLimits(perMinute, perHour, perDay);
  }

  /**
   * The field whose limit is below a shorter window's (3 a day but 5 an hour), or null: the smaller
   * one could never be reached. Only limits typed here, other than 0, are compared.
   */
  String outOfOrder() {
    if (set(perMinute) && set(perHour) && perMinute > perHour) {
      return "perHour";
    }
    if (set(perHour) && set(perDay) && perHour > perDay) {
      return "perDay";
    }
    if (set(perMinute) && set(perDay) && perMinute > perDay) {
      return "perDay";
    }
    return null;
  }

  private static boolean set(Integer limit) {
    return limit != null && limit > 0;
  }
}
