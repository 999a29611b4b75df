package com.smsportal.gatewayaccount.account;

import com.smsportal.secrets.CredentialCipher;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a gateway account's stored password decrypts to, read as the portal reads it: from the row,
 * bound to the row's id, tenant, endpoint, userid and account. Tests only; no page or module can.
 */
public final class StoredPasswords {

  private final JdbcTemplate jdbc;
  private final CredentialCipher cipher;

  public StoredPasswords(ApplicationContext context) {
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.cipher = context.getBean(CredentialCipher.class);
  }

  public String of(long accountId) {
    return of(accountId, GatewayAccount.PASSWORD_COLUMN);
  }

  public String of(long accountId, String column) {
    Map<String, Object> row =
        jdbc.queryForMap("select * from gateway_account where id = ?", accountId);
    return cipher.decrypt(
        (String) row.get(column),
        new CredentialBinding(
            column,
            accountId,
            ((Number) row.get("tenant_id")).longValue(),
            ((Number) row.get("endpoint_id")).longValue(),
            (String) row.get("userid"),
            (String) row.get("account_name")));
  }
}
