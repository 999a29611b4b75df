package com.smsportal.polling;

import org.springframework.context.ApplicationContext;

/**
 * Polls an account's status reports and replies at once, for a test outside this package whose
 * context's poller is off (the build switches every context's poller off): the page under test then
 * shows what arrived, as it would after the scheduled poll.
 */
public final class PollNow {

  private PollNow() {}

  /** Polls the account once under its lock; returns how many status reports came. */
  public static int reports(ApplicationContext context, long accountId) {
    return context
        .getBean(PollScheduler.class)
        .pollNow(accountId)
        .map(AccountPoller.Round::reports)
        .orElse(0);
  }
}
