package com.smsportal.tenant;

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

  CredentialReencryption(
      GatewayAccountRepository accounts,
      CredentialCipher cipher,
      TransactionTemplate transaction,
      ConfigurableApplicationContext context) {
    this.accounts = accounts;
    this.cipher = cipher;
    this.transaction = transaction;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    int changed = reencryptAll();
    log.info("Re-encrypted {} gateway credential(s) under the current key; exiting", changed);
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /** Re-encrypts, in one transaction, every secret not yet under the current key; the count. */
  int reencryptAll() {
    return TenantContext.callAs(
        TenantContext.ALL_TENANTS,
        () ->
            transaction.execute(
                status -> {
                  int changed = 0;
                  for (GatewayAccount account : accounts.findAll()) {
                    String stored = account.getPasswordCiphertext();
                    if (!cipher.isCurrent(stored)) {
                      String where = GatewayAccounts.passwordContext(account.getTenantId());
                      account.setPassword(cipher.reencrypt(stored, where));
                      changed++;
                    }
                    String pending = account.getPendingPasswordCiphertext();
                    if (pending != null && !cipher.isCurrent(pending)) {
                      String where = GatewayAccounts.pendingPasswordContext(account.getTenantId());
                      account.reencryptPending(cipher.reencrypt(pending, where));
                      changed++;
                    }
                  }
                  return changed;
                }));
  }
}
