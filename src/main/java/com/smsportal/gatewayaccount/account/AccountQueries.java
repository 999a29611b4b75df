package com.smsportal.gatewayaccount.account;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.secrets.CredentialCipher;
import com.smsportal.secrets.CredentialCipher.CredentialCipherException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway accounts as pages and other modules read them: everything but the password. Every
 * read is filtered by the current tenant context, so a customer's request finds only its own
 * accounts; the operator's staff and system tasks (ALL_TENANTS) find every tenant's.
 */
@Service
public class AccountQueries {

  private static final Sort ORDER = Sort.by("name").and(Sort.by("id"));

  private final GatewayAccountRepository accounts;
  private final EndpointDirectory endpoints;
  private final CredentialCipher cipher;

  AccountQueries(
      GatewayAccountRepository accounts, EndpointDirectory endpoints, CredentialCipher cipher) {
    this.accounts = accounts;
    this.endpoints = endpoints;
    this.cipher = cipher;
  }

  @Transactional(readOnly = true)
  public List<GatewayAccountView> list() {
    Map<Long, String> names = endpoints.names();
    return accounts.findAll(ORDER).stream()
        .map(a -> a.toView(names.get(a.getEndpointId())))
        .toList();
  }

  /** The names of the current tenant's accounts by id, for the rows of lists and exports. */
  @Transactional(readOnly = true)
  public Map<Long, String> names() {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Object[] row : accounts.idsAndNames()) {
      names.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    return names;
  }

  @Transactional(readOnly = true)
  public Optional<GatewayAccountView> find(long id) {
    return accounts.findById(id).map(this::view);
  }

  /**
   * Whether the account's stored password can no longer be used where the account points (it was
   * encrypted for another row or another gateway account) and must be entered again.
   */
  @Transactional(readOnly = true)
  boolean needsPassword(long id) {
    return accounts
        .findById(id)
        .map(
            a -> {
              try {
                cipher.decrypt(
                    a.getPasswordCiphertext(), a.binding(GatewayAccount.PASSWORD_COLUMN));
                return false;
              } catch (CredentialCipherException e) {
                return !e.unknownKey();
              }
            })
        .orElse(false);
  }

  GatewayAccountView view(GatewayAccount account) {
    return account.toView(
        endpoints.find(account.getEndpointId()).map(EndpointView::name).orElse("?"));
  }
}
