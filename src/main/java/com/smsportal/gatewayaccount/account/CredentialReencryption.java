package com.smsportal.gatewayaccount.account;

import com.smsportal.secrets.CredentialCipher;
import com.smsportal.secrets.PortalSecrets;
import com.smsportal.tenant.TenantContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The administrator's key rotation command: started with {@code --smsportal.reencrypt-credentials},
 * the portal re-encrypts every stored gateway secret under the current key and exits (README,
 * "Rotating the encryption key"). Old keys stay configured until it has run.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CredentialReencryption implements ApplicationRunner {

  static final String OPTION = "smsportal.reencrypt-credentials";
  private static final Logger log = LoggerFactory.getLogger(CredentialReencryption.class);

  private final GatewayAccountRepository accounts;
  private final CredentialCipher cipher;
  private final TransactionTemplate transaction;
  private final ConfigurableApplicationContext context;
  private final List<PortalSecrets.SealedSecrets> otherSecrets;

  CredentialReencryption(
      GatewayAccountRepository accounts,
      CredentialCipher cipher,
      TransactionTemplate transaction,
      ConfigurableApplicationContext context,
      List<PortalSecrets.SealedSecrets> otherSecrets) {
    this.accounts = accounts;
    this.cipher = cipher;
    this.transaction = transaction;
    this.context = context;
    this.otherSecrets = otherSecrets;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    int changed = reencryptAll();
    log.info("Re-encrypted {} gateway credential(s) under the current key", changed);
    for (PortalSecrets.SealedSecrets secrets : otherSecrets) {
      log.info(
          "Re-encrypted {} {} under the current key", secrets.resealAll(), secrets.description());
    }
    log.info("Re-encryption done; exiting");
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /**
   * Re-encrypts, in one transaction, every secret not yet under the current key and binding; the
   * count. Values of the first format are read with their old binding and written in the new one.
   */
  int reencryptAll() {
    return everyAccount(
        account -> {
          int changed = 0;
          String stored = account.getPasswordCiphertext();
          if (!cipher.isCurrent(stored)) {
            account.setPassword(rewritten(account, stored, GatewayAccount.PASSWORD_COLUMN));
            changed++;
          }
          String pending = account.getPendingPasswordCiphertext();
          if (pending != null && !cipher.isCurrent(pending)) {
            account.reencryptPending(
                rewritten(account, pending, GatewayAccount.PENDING_PASSWORD_COLUMN));
            changed++;
          }
          return changed;
        });
  }

  /**
   * Writes every value of the first format ({@code v1}, bound to column and tenant only) in the
   * current one, bound to its row and gateway account; the count. A value that cannot be read (its
   * key is not configured, or it was altered) stays as it is and is named in the log: its account
   * then asks for the password to be entered again.
   */
  int rebindLegacy() {
    return everyAccount(
        account -> {
          int changed = 0;
          String stored = account.getPasswordCiphertext();
          if (CredentialCipher.isLegacy(stored)) {
            String value = rewrittenOrNull(account, stored, GatewayAccount.PASSWORD_COLUMN);
            if (value != null) {
              account.setPassword(value);
              changed++;
            }
          }
          String pending = account.getPendingPasswordCiphertext();
          if (CredentialCipher.isLegacy(pending)) {
            String value =
                rewrittenOrNull(account, pending, GatewayAccount.PENDING_PASSWORD_COLUMN);
            if (value != null) {
              account.reencryptPending(value);
              changed++;
            }
          }
          return changed;
        });
  }

  private String rewrittenOrNull(GatewayAccount account, String stored, String column) {
    try {
      return rewritten(account, stored, column);
    } catch (CredentialCipher.CredentialCipherException e) {
      log.warn(
          "The {} of gateway account {} could not be moved to the current format: {}",
          column,
          account.getId(),
          e.getMessage());
      return null;
    }
  }

  private String rewritten(GatewayAccount account, String stored, String column) {
    CredentialBinding binding = account.binding(column);
    if (CredentialCipher.isLegacy(stored)) {
      CredentialCipher.Binding where = CredentialBinding.legacy(column, account.getTenantId());
      return cipher.encrypt(cipher.decryptLegacy(stored, where), binding);
    }
    return cipher.reencrypt(stored, binding);
  }

  private int everyAccount(java.util.function.ToIntFunction<GatewayAccount> work) {
    Integer changed =
        TenantContext.callAs(
            TenantContext.ALL_TENANTS,
            () -> transaction.execute(status -> accounts.findAll().stream().mapToInt(work).sum()));
    return changed == null ? 0 : changed;
  }
}
