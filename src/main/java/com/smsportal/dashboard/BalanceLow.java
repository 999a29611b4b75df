package com.smsportal.dashboard;

import java.time.Instant;

/**
 * Published in the transaction that keeps a balance reading when the reading is below the account's
 * low-balance threshold (its own, else its tenant's) and the account's previous reading was not (or
 * there was none): once per fall below, not at every reading while it stays low. The account's name
 * is for the notices that tell a person of it (issue 26).
 */
public record BalanceLow(
    long tenantId,
    long accountId,
    long balance,
    long threshold,
    Instant readAt,
    String accountName) {}
