package com.smsportal.sending.store;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the counter of the flood limits per number (issue 26) to the numbers sent to today: every
 * hour, the rows of earlier China days go ({@link NumberFlood#forgetDaysBefore}).
 */
@Component
class NumberFloodCleanup {

  private static final Logger log = LoggerFactory.getLogger(NumberFloodCleanup.class);

  private final NumberFlood flood;
  private final Clock clock;

  NumberFloodCleanup(NumberFlood flood, Clock clock) {
    this.flood = flood;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${smsportal.limits.per-number.cleanup-every:PT1H}",
      initialDelayString = "${smsportal.limits.per-number.cleanup-every:PT1H}")
  void cleanUp() {
    int deleted = flood.forgetDaysBefore(clock.instant());
    if (deleted > 0) {
      log.info("Flood counts of earlier days deleted for {} number(s)", deleted);
    }
  }
}
