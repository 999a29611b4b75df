package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.account.AccountLogins;
import java.util.Optional;
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
   * AccountGateway} it gets works only until it returns. What the action throws (a {@link
   * com.smsportal.gateway.GatewayException} among others) comes out unchanged.
   *
   * @return the action's result; empty if the current tenant has no such account
   * @throws RotationInProgressException while the account's password is being rotated or the
   *     rotation's outcome is in doubt: which password is valid is not known, so nothing may use it
   * @throws PasswordNeededException if the stored password does not belong to where the account now
   *     points and must be entered again
   */
  public <T> Optional<T> call(long accountId, Function<AccountGateway, T> action) {
    Optional<GatewayLogin> login = logins.current(accountId);
    if (login.isEmpty()) {
      return Optional.empty();
    }
    AccountGateway gateway = new AccountGateway(accountId, client, login.get());
    try {
      return Optional.ofNullable(action.apply(gateway));
    } finally {
      gateway.close();
    }
  }
}
