package com.smsportal.api.v1;

import com.smsportal.gateway.Balance;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/balance}: each of the tenant's gateway accounts with the balance the gateway
 * answers now ({@code overage}), or why it could not be asked.
 */
@RestController
@Tag(name = "Balance · 余额", description = "Each gateway account's balance · 各网关账号余额")
class BalanceApiController {

  /**
   * @param balance null when the gateway was not asked or did not answer ({@code error} says why)
   * @param prepaid whether sends are charged against the balance
   */
  record AccountBalance(long accountId, String name, Long balance, Boolean prepaid, String error) {}

  private final GatewayAccounts accounts;
  private final GatewayAccess gateway;

  BalanceApiController(GatewayAccounts accounts, GatewayAccess gateway) {
    this.accounts = accounts;
    this.gateway = gateway;
  }

  @Operation(summary = "Balance of each gateway account (余额)")
  @GetMapping("/api/v1/balance")
  List<AccountBalance> balance() {
    return accounts.list().stream().map(this::balance).toList();
  }

  private AccountBalance balance(GatewayAccountView account) {
    if (!account.usable()) {
      return new AccountBalance(account.id(), account.name(), null, null, "ACCOUNT_NOT_USABLE");
    }
    return gateway
        .call(account.id(), AccountGateway::overage)
        .fold(
            (Balance b) ->
                new AccountBalance(account.id(), account.name(), b.overage(), b.prepaid(), null),
            unusable ->
                new AccountBalance(account.id(), account.name(), null, null, unusable.name()),
            failed ->
                new AccountBalance(
                    account.id(), account.name(), null, null, failed.error().name()));
  }
}
