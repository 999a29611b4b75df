package com.smsportal.sending.worker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose turn it is to send: round-robin across tenants, and within a tenant across its gateway
 * accounts. The tenant served longest ago goes first, each with its account served longest ago;
 * then every tenant's next account, and so on. An account that was not given a thread (all busy)
 * keeps its old turn, so it comes first next time. Not thread-safe: the send worker's schedule
 * alone uses it.
 */
final class SendTurns {

  /** An account with chunks due. */
  record Account(long tenantId, long accountId) {}

  private final Map<Long, Long> tenantServed = new HashMap<>();
  private final Map<Long, Long> accountServed = new HashMap<>();
  private long clock;

  /** The accounts in the order they should be given a thread. */
  List<Account> order(List<Account> due) {
    Map<Long, List<Account>> byTenant = new LinkedHashMap<>();
    due.stream()
        .sorted(
            Comparator.comparingLong((Account a) -> accountServed.getOrDefault(a.accountId(), 0L))
                .thenComparingLong(Account::accountId))
        .forEach(a -> byTenant.computeIfAbsent(a.tenantId(), t -> new ArrayList<>()).add(a));
    List<Long> tenants = new ArrayList<>(byTenant.keySet());
    tenants.sort(
        Comparator.comparingLong((Long t) -> tenantServed.getOrDefault(t, 0L))
            .thenComparingLong(t -> t));
    List<Account> order = new ArrayList<>(due.size());
    for (int round = 0; order.size() < due.size(); round++) {
      for (Long tenant : tenants) {
        List<Account> accounts = byTenant.get(tenant);
        if (round < accounts.size()) {
          order.add(accounts.get(round));
        }
      }
    }
    return order;
  }

  /** The account got a thread now: it and its tenant go to the back. */
  void served(Account account) {
    clock++;
    tenantServed.put(account.tenantId(), clock);
    accountServed.put(account.accountId(), clock);
  }
}
