package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gatewayaccount.account.AccountLogins;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The one way to call the gateway as a tenant's account. The password is decrypted inside this
 * module, handed to the gateway client inside an {@link AccountGateway}, and never to the caller;
 * the address is the account's endpoint's, which the client checks once more against the allowed
 * endpoints.
 */
@Service
public class GatewayAccess {

  private final AccountLogins logins;
  private final GatewayClient client;

  GatewayAccess(AccountLogins logins, GatewayClient client) {
    this.logins = logins;
    this.client = client;
  }

  /**
   * Runs {@code action} with the gateway as the account of the current tenant context. The {@link
   * AccountGateway} it gets works only until it returns. Its answer, why the account cannot be used
   * now (no such account for the current tenant, a password rotation under way or in doubt, a
   * stored password to be entered again), or the gateway's error ({@link
   * com.smsportal.gateway.GatewayException}) come back as one {@link AccountCall}; what else the
   * action throws comes out unchanged.
   */
  public <T> AccountCall<T> call(long accountId, Function<AccountGateway, T> action) {
    return AccountCall.attempt(
        () -> logins.current(accountId),
        login -> {
          AccountGateway gateway = new AccountGateway(accountId, client, login);
          try {
            return action.apply(gateway);
          } finally {
            gateway.close();
          }
        });
  }
}
