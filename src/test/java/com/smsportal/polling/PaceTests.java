package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How many reports an account is asked for at a time follows how fast its answers arrive. */
class PaceTests {

  private static final long SECOND = 1_000_000_000L;
  private final Pace pace = new Pace(4000, Duration.ofSeconds(1));

  @Test
  void anAccountNotMeasuredYetIsAskedForTheMost() {
    assertThat(pace.statusNum(1)).isEqualTo(4000);
  }

  @Test
  void onASlowLinkAnAccountIsAskedForAboutOneSecondOfReportsAndForMoreOnceItIsFastAgain() {
    // 4,000 reports (about 1 MB) over 3 seconds: 1,333 a second.
    pace.observe(1, 4000, 1_000_000, 3 * SECOND);
    assertThat(pace.statusNum(1)).isEqualTo(1333);
    assertThat(pace.statusNum(2)).as("another account").isEqualTo(4000);

    pace.observe(1, 1333, 333_000, SECOND / 100);
    assertThat(pace.statusNum(1)).isEqualTo(4000);
  }

  @Test
  void aCrawlingLinkIsStillAskedForAHundredAndASmallAnswerTellsNothing() {
    pace.observe(1, 4000, 1_000_000, 400 * SECOND);
    assertThat(pace.statusNum(1)).isEqualTo(Pace.FEWEST);

    // 20 reports arrive in one piece, whatever the link: no measure of it.
    pace.observe(1, 20, 5_000, 0);
    assertThat(pace.statusNum(1)).isEqualTo(Pace.FEWEST);
  }

  @Test
  void neverMoreThanTheConfiguredMost() {
    Pace small = new Pace(50, Duration.ofSeconds(1));
    small.observe(1, 50, 100_000, 10 * SECOND);
    assertThat(small.statusNum(1)).isEqualTo(50);
    small.observe(1, 50, 100_000, SECOND / 1000);
    assertThat(small.statusNum(1)).isEqualTo(50);
  }
}
