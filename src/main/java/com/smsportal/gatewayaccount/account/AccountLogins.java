package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.PasswordNeededException;
import com.smsportal.gatewayaccount.RotationInProgressException;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.secrets.CredentialCipher;
import com.smsportal.secrets.CredentialCipher.CredentialCipherException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts as the gateway client takes them: at their endpoint's address, with their password
 * decrypted. What it gives holds a password: it is for this module only ({@link
 * com.smsportal.gatewayaccount.GatewayAccess}, the password rotation), never handed further.
 */
@Service
public class AccountLogins {

  private final GatewayAccountRepository accounts;
  private final EndpointDirectory endpoints;
  private final CredentialCipher cipher;
  private final TransactionTemplate transaction;

  AccountLogins(
      GatewayAccountRepository accounts,
      EndpointDirectory endpoints,
      CredentialCipher cipher,
      TransactionTemplate transaction) {
    this.accounts = accounts;
    this.endpoints = endpoints;
    this.cipher = cipher;
    this.transaction = transaction;
  }

  /**
   * The login of the current tenant context's account, with its current password.
   *
   * @return empty if the current tenant has no such account
   * @throws RotationInProgressException while the account's password is being rotated or the
   *     rotation's outcome is in doubt: which password is valid is not known, so nothing may use it
   * @throws PasswordNeededException if the stored password does not belong to where the account now
   *     points and must be entered again
   */
  public Optional<GatewayLogin> current(long accountId) {
    Optional<GatewayLogin> login =
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
                          return login(account, password(account));
                        }));
    return login == null ? Optional.empty() : login;
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

  /** The account with this password, at its endpoint's address. */
  GatewayLogin login(GatewayAccount account, String password) {
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
