package com.smsportal.tenant;

/**
 * Flood limits per number (issue 26): how many messages one of a tenant's numbers may get in one
 * calendar minute, hour and day of China time. In what support typed on the tenant page a null is
 * "the portal's default"; in the limits that hold ({@link PerNumberLimits#of}) 0 is "no limit".
 */
public record NumberLimits(Integer perMinute, Integer perHour, Integer perDay) {

  /** No limit at all. */
  public static final NumberLimits NONE = new NumberLimits(0, 0, 0);

  /** Whether any of the three limits a number (0 and null do not). */
  public boolean any() {
    return limits(perMinute) || limits(perHour) || limits(perDay);
  }

  /** Whether {@code limit} holds back a number that already got {@code sent} in its window. */
  public static boolean reached(Integer limit, int sent) {
    return limits(limit) && sent >= limit;
  }

  private static boolean limits(Integer limit) {
    return limit != null && limit > 0;
  }
}
