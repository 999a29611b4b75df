package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.smsportal.ShippedDatabase;
import com.smsportal.SmsPortalApplication;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.secrets.TestCiphers;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the real application to see where the credential key comes from, and rotates it. */
class EncryptionKeyStartIntegrationTests {

  static final String PASSWORD = "gateway-Secret-9";

  @TempDir Path dataDir;

  @Test
  void withoutTheDemoAndWithoutAKeyThePortalRefusesToStartNamingTheSetting() {
    Throwable failure = catchThrowable(() -> start("--spring.profiles.active=production").close());
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "No encryption key for gateway credentials. Set SMSPORTAL_ENCRYPTION_KEY");
  }

  @Test
  void theDemoGeneratesItsKeyOnceForTheOwnerOnlyAndReadsItsCredentialsAfterARestart()
      throws Exception {
    long id;
    try (ConfigurableApplicationContext first = start()) {
      id = createAcmeAccount(first);
    }
    Path keyFile = dataDir.resolve("encryption.key");
    String key = Files.readString(keyFile);
    assertThat(Base64.getDecoder().decode(key.strip())).hasSize(32);
    if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
          .isEqualTo("rw-------");
    }

    try (ConfigurableApplicationContext second = start()) {
      assertThat(Files.readString(keyFile)).isEqualTo(key);
      assertThat(passwordOf(second, id)).isEqualTo(PASSWORD);
    }
  }

  @Test
  void theReencryptionCommandMovesEverySecretToTheNewKeySoTheOldKeyCanBeDropped() throws Exception {
    long id;
    try (ConfigurableApplicationContext demo = start()) {
      id = createAcmeAccount(demo);
    }
    String oldKey = Files.readString(dataDir.resolve("encryption.key")).strip();
    String newKey = randomKey();

    try (ConfigurableApplicationContext rotating =
        start(
            "--smsportal.encryption.key=" + newKey,
            "--smsportal.encryption.key-id=k2",
            "--smsportal.encryption.old-keys.k1=" + oldKey)) {
      assertThat(rotating.getBean(CredentialReencryption.class).reencryptAll()).isEqualTo(1);
      String stored =
          rotating
              .getBean(JdbcTemplate.class)
              .queryForObject(
                  "select password_ciphertext from gateway_account where id = ?", String.class, id);
      assertThat(stored).startsWith("v2:k2:");
      assertThat(rotating.getBean(CredentialReencryption.class).reencryptAll()).isZero();
    }

    try (ConfigurableApplicationContext rotated =
        start("--smsportal.encryption.key=" + newKey, "--smsportal.encryption.key-id=k2")) {
      assertThat(passwordOf(rotated, id)).isEqualTo(PASSWORD);
    }
  }

  @Test
  void aPasswordStoredInTheFirstFormatIsBoundToItsAccountAtTheNextStart() throws Exception {
    long id;
    try (ConfigurableApplicationContext demo = start()) {
      id = createAcmeAccount(demo);
      // As the previous version stored it: bound to its column and tenant only.
      JdbcTemplate jdbc = demo.getBean(JdbcTemplate.class);
      long tenant =
          jdbc.queryForObject("select tenant_id from gateway_account where id = ?", Long.class, id);
      String key = Files.readString(dataDir.resolve("encryption.key")).strip();
      jdbc.update(
          "update gateway_account set password_ciphertext = ? where id = ?",
          TestCiphers.legacyValue(
              TestCiphers.key(key),
              "k1",
              PASSWORD,
              CredentialBinding.legacy(GatewayAccount.PASSWORD_COLUMN, tenant).context()),
          id);
    }

    try (ConfigurableApplicationContext upgraded = start()) {
      String stored =
          upgraded
              .getBean(JdbcTemplate.class)
              .queryForObject(
                  "select password_ciphertext from gateway_account where id = ?", String.class, id);
      assertThat(stored).startsWith("v2:k1:");
      assertThat(passwordOf(upgraded, id)).isEqualTo(PASSWORD);
      assertThat(
              TenantContext.callAs(
                  TenantContext.ALL_TENANTS,
                  () -> upgraded.getBean(AccountQueries.class).needsPassword(id)))
          .isFalse();
    }
  }

  private static long createAcmeAccount(ConfigurableApplicationContext portal) {
    long acme = portal.getBean(TenantService.class).findByName("Acme").orElseThrow().id();
    AccountSettings settings =
        new AccountSettings(
            "Main",
            portal
                .getBean(GatewayEndpoints.class)
                .ensure("gw.example", "http://gw.example", GatewayCharset.UTF8),
            GatewayCharset.UTF8,
            "1001",
            "acme",
            1000,
            false,
            true,
            null);
    return TenantContext.callAs(
        acme, () -> portal.getBean(AccountChanges.class).create(settings, PASSWORD, null, true));
  }

  private static String passwordOf(ConfigurableApplicationContext portal, long id) {
    return new StoredPasswords(portal).of(id);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private ConfigurableApplicationContext start(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--smsportal.data-dir=" + dataDir;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return ShippedDatabase.run(
        () -> new SpringApplicationBuilder(SmsPortalApplication.class).run(args));
  }
}
