package com.smsportal.sending.store;

import com.smsportal.web.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The calendar minute, hour and day of China time (Asia/Shanghai) an instant falls in, each named
 * by its number since 1970-01-01 00:00 China time: the windows of the flood limits per number
 * (issue 26). A window starts at :00 of its minute, hour or day and ends at the next one, so a
 * limit of 1 a minute lets a message at 10:00:59 and another at 10:01:00 through; calendar windows
 * are what a person reads on the job page and in a statement, and need one counter per window.
 */
public record FloodWindows(long minute, long hour, long day) {

  public static FloodWindows at(Instant at) {
    LocalDateTime china = LocalDateTime.ofInstant(at, Times.ZONE);
    long seconds = china.toEpochSecond(ZoneOffset.UTC);
    return new FloodWindows(
        Math.floorDiv(seconds, 60), Math.floorDiv(seconds, 3600), china.toLocalDate().toEpochDay());
  }
}
