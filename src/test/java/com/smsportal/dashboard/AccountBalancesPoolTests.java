package com.smsportal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The balance look-ups' pool is bounded: with its one thread held by a gateway that hangs and its
 * one waiting place taken, a further account is not asked and says so, and nothing about it is
 * kept: the next view asks again.
 */
class AccountBalancesPoolTests {

  private final CountDownLatch release = new CountDownLatch(1);
  private final GatewayAccounts accounts = mock(GatewayAccounts.class);
  private final GatewayAccess gateway = mock(GatewayAccess.class);
  private final TenantService tenants = mock(TenantService.class);
  private AccountBalances balances;

  @AfterEach
  void letGo() {
    release.countDown();
    balances.stop();
  }

  @Test
  void aLookUpThatFindsThePoolFullIsNotMadeAndTheAccountSaysBusy() {
    when(accounts.list()).thenReturn(List.of(account(1), account(2), account(3)));
    when(tenants.find(anyLong())).thenReturn(Optional.empty());
    when(gateway.call(anyLong(), any()))
        .thenAnswer(
            call -> {
              release.await();
              return AccountCall.unusable(AccountCall.Unusable.NOT_FOUND);
            });
    balances =
        new AccountBalances(
            accounts,
            tenants,
            gateway,
            mock(BalanceReadings.class),
            new DashboardProperties(Duration.ofMinutes(1), Duration.ZERO, 1, 1),
            Clock.systemUTC());

    List<BalanceRow> rows = balances.ofCurrentTenant(false);

    assertThat(rows)
        .extracting(BalanceRow::status)
        .containsExactly(BalanceStatus.PENDING, BalanceStatus.PENDING, BalanceStatus.FAILED);
    assertThat(rows.get(2).errorKey()).isEqualTo("dashboard.balance.busy");
    assertThat(balances.ofCurrentTenant(false).get(2).errorKey())
        .as("asked again, still no room")
        .isEqualTo("dashboard.balance.busy");
  }

  private static GatewayAccountView account(long id) {
    return new GatewayAccountView(
        id,
        7,
        "account " + id,
        1,
        "endpoint",
        GatewayCharset.UTF8,
        "1",
        "acc" + id,
        1000,
        false,
        true,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        RotationState.NONE,
        null,
        null,
        true);
  }
}
