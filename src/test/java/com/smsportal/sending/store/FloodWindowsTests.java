package com.smsportal.sending.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FloodWindowsTests {

  @Test
  void theDayTurnsAtMidnightChinaTimeNotUtc() {
    // 2026-12-07 23:59:59 and 2026-12-08 00:00:00 in Beijing.
    FloodWindows before = FloodWindows.at(Instant.parse("2026-12-07T15:59:59Z"));
    FloodWindows after = FloodWindows.at(Instant.parse("2026-12-07T16:00:00Z"));
    assertThat(after.day()).isEqualTo(before.day() + 1);
    assertThat(after.hour()).isEqualTo(before.hour() + 1);
    assertThat(after.minute()).isEqualTo(before.minute() + 1);
    // UTC midnight is 08:00 in Beijing: the same China day.
    assertThat(FloodWindows.at(Instant.parse("2026-12-08T00:00:00Z")).day()).isEqualTo(after.day());
    assertThat(FloodWindows.at(Instant.parse("2026-12-08T15:59:59.999Z")).day())
        .isEqualTo(after.day());
  }

  @Test
  void minutesAndHoursAreCalendarWindows() {
    FloodWindows start = FloodWindows.at(Instant.parse("2026-12-07T02:10:00Z"));
    assertThat(FloodWindows.at(Instant.parse("2026-12-07T02:10:59.999Z"))).isEqualTo(start);
    FloodWindows next = FloodWindows.at(Instant.parse("2026-12-07T02:11:00Z"));
    assertThat(next.minute()).isEqualTo(start.minute() + 1);
    assertThat(next.hour()).isEqualTo(start.hour());
    assertThat(FloodWindows.at(Instant.parse("2026-12-07T03:00:00Z")).hour())
        .isEqualTo(start.hour() + 1);
    // Before 1970 in China time too: floor, not truncation toward zero.
    assertThat(FloodWindows.at(Instant.parse("1969-12-31T15:59:59Z")).minute()).isEqualTo(-1);
  }
}
