package com.smsportal.dashboard;

import java.time.Instant;

/**
 * One gateway account's balance as the dashboard shows it.
 *
 * @param asOf when the gateway answered (the balance or the failure); null if it was not asked
 * @param threshold below this balance the account is shown as low: the account's own threshold, or
 *     else the tenant's; null for no warning
 * @param errorKey the message key explaining a failure, with {@code errorArgument}
 * @param upstreamMessage the gateway's own words about a failure, if it said any
 */
public record BalanceRow(
    long accountId,
    String name,
    BalanceStatus status,
    long overage,
    boolean prepaid,
    String payInfo,
    Instant asOf,
    Long threshold,
    String errorKey,
    String errorArgument,
    String upstreamMessage) {

  public boolean ok() {
    return status == BalanceStatus.OK;
  }

  public boolean pending() {
    return status == BalanceStatus.PENDING;
  }

  /** Whether the balance is below the warning threshold. */
  public boolean low() {
    return ok() && threshold != null && overage < threshold;
  }
}
