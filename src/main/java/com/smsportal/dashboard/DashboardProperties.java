package com.smsportal.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's settings ({@code smsportal.dashboard.*}).
 *
 * @param balanceCache how long a balance read from the gateway is shown before it is asked again
 *     (the refresh button asks at once)
 * @param balanceWait how long the balances panel waits for the gateway before it shows the accounts
 *     that have not answered yet as pending, each then asking again on its own
 * @param balanceThreads the calls to the gateway for balances that may run at the same time
 * @param balanceQueue the look-ups that may wait for a thread; beyond that an account's balance is
 *     not asked and shows "busy, refresh later"
 */
@ConfigurationProperties("smsportal.dashboard")
record DashboardProperties(
    @DefaultValue("PT60S") Duration balanceCache,
    @DefaultValue("PT3S") Duration balanceWait,
    @DefaultValue("8") int balanceThreads,
    @DefaultValue("100") int balanceQueue) {}
