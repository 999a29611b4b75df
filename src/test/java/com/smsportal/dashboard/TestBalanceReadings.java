package com.smsportal.dashboard;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * Keeps a balance reading as a dashboard does after the gateway answered (the tests of what a
 * reading sets off: the low-balance notice and mail, issue 26), without asking the gateway.
 */
public final class TestBalanceReadings {

  private TestBalanceReadings() {}

  public static void record(
      ApplicationContext context, long accountId, long tenantId, long balance, Instant at) {
    context.getBean(BalanceReadings.class).record(accountId, tenantId, balance, at);
  }
}
