package com.smsportal.dashboard;

import com.smsportal.polling.PollerHealth;
import com.smsportal.sending.SendStatistics;
import com.smsportal.sending.SendVolume;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What the operator's staff see on the home page (issue 23): the accounts below their low-balance
 * threshold, the pollers whose last round failed, and today's sends of every tenant. One query per
 * figure, over what is stored (the balances the dashboards last read, the poller state, the sent
 * chunks): the page never asks the gateway, however many tenants there are.
 */
@Service
class StaffPanels {

  private final BalanceReadings balances;
  private final PollerHealth pollers;
  private final SendStatistics statistics;

  StaffPanels(BalanceReadings balances, PollerHealth pollers, SendStatistics statistics) {
    this.balances = balances;
    this.pollers = pollers;
    this.statistics = statistics;
  }

  /** The three figures of the staff's dashboard. */
  record Figures(
      List<BalanceReadings.LowBalance> lowBalances,
      List<PollerHealth.FailingPoller> failingPollers,
      SendVolume today) {}

  Figures figures() {
    return new Figures(balances.low(), pollers.failing(), statistics.todayAcrossTenants());
  }
}
