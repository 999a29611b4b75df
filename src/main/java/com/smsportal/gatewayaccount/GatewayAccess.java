package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.secrets.CredentialCipher;
import com.smsportal.secrets.CredentialCipher.CredentialCipherException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to call the gateway as a tenant's account. The password is decrypted here, handed to
 * the gateway client inside an {@link AccountGateway}, and never to the caller; the address is the
 * account's endpoint's, which the client checks once more against the allowed endpoints.
 */
@Service
public class GatewayAccess {

  private final GatewayAccountRepository accounts;
  private final EndpointDirectory endpoints;
  private final CredentialCipher cipher;
  private final GatewayClient client;
  private final TransactionTemplate transaction;

  GatewayAccess(
      GatewayAccountRepository accounts,
      EndpointDirectory endpoints,
      CredentialCipher cipher,
      GatewayClient client,
      TransactionTemplate transaction) {
    this.accounts = accounts;
    this.endpoints = endpoints;
    this.cipher = cipher;
    this.client = client;
    this.transaction = transaction;
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
    Optional<GatewayLogin> upstream =
        transaction.execute(
            status ->
                accounts
                    .findById(accountId)
                    .map(
                        account -> {
                          if (!account.getRotationState().settled()) {
                            throw new RotationInProgressException(
                                accountId, account.getRotationState());
                          }
                          return upstream(account, password(account));
                        }));
    if (upstream == null || upstream.isEmpty()) {
      return Optional.empty();
    }
    AccountGateway gateway = new AccountGateway(accountId, client, upstream.get());
    try {
      return Optional.ofNullable(action.apply(gateway));
    } finally {
      gateway.close();
    }
  }

  /** The account's current password; refused if it was encrypted for somewhere else. */
  private String password(GatewayAccount account) {
    try {
      return cipher.decrypt(
          account.getPasswordCiphertext(), account.binding(GatewayAccount.PASSWORD_COLUMN));
    } catch (CredentialCipherException e) {
      if (e.unknownKey()) {
        throw e; // the operator's configuration lacks a key: not the account's fault
      }
      throw new PasswordNeededException(account.getId());
    }
  }

  /**
   * The account as the gateway client takes it, at its endpoint's address. For this module only
   * (the password rotation): the password is in it.
   */
  GatewayLogin upstream(GatewayAccount account, String password) {
    String baseUrl =
        endpoints
            .find(account.getEndpointId())
            .map(EndpointView::baseUrl)
            .orElseThrow(() -> new IllegalStateException("account without endpoint"));
    return new GatewayLogin(
        baseUrl,
        account.getCharset(),
        account.getUserid(),
        account.getAccount(),
        password,
        account.getId());
  }
}
