package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The gateway's receive times (issue 27: the usual form is read by hand, any other by the
 * formatter): both read China Standard Time alike, and neither accepts a day or time that does not
 * exist.
 */
class ChinaTimeTests {

  @Test
  void everyFormTheVendorWritesReadsAsTheSameMomentAndNoImpossibleTimeReadsAtAll() {
    Instant eightAmInBeijing = Instant.parse("2026-11-01T00:00:00Z");
    assertThat(ChinaTime.parse("2026-11-01 08:00:00")).isEqualTo(eightAmInBeijing);
    assertThat(ChinaTime.parse("2026/11/01 08:00:00")).isEqualTo(eightAmInBeijing);
    assertThat(ChinaTime.parse(" 2026-11-01 08:00:00 ")).isEqualTo(eightAmInBeijing);
    assertThat(ChinaTime.parse("2026-11-1 8:0:0")).isEqualTo(eightAmInBeijing);
    assertThat(ChinaTime.parse("2024-02-29 23:59:59"))
        .isEqualTo(Instant.parse("2024-02-29T15:59:59Z"));
    assertThat(ChinaTime.parse("2026-02-29 08:00:00")).isNull();
    assertThat(ChinaTime.parse("2026-11-31 08:00:00")).isNull();
    assertThat(ChinaTime.parse("2026-13-01 08:00:00")).isNull();
    assertThat(ChinaTime.parse("2026-11-01 24:00:00")).isNull();
    assertThat(ChinaTime.parse("2026-11-01 08:60:00")).isNull();
    assertThat(ChinaTime.parse("2026-11-01T08:00:00")).isNull();
    assertThat(ChinaTime.parse("2026-11-0a 08:00:00")).isNull();
    assertThat(ChinaTime.parse("")).isNull();
  }
}
