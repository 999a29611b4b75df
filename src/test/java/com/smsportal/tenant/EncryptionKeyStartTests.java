package com.smsportal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.smsportal.SmsPortalApplication;
import com.smsportal.gateway.GatewayCharset;
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
class EncryptionKeyStartTests {

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
      assertThat(stored).startsWith("v1:k2:");
      assertThat(rotating.getBean(CredentialReencryption.class).reencryptAll()).isZero();
    }

    try (ConfigurableApplicationContext rotated =
        start("--smsportal.encryption.key=" + newKey, "--smsportal.encryption.key-id=k2")) {
      assertThat(passwordOf(rotated, id)).isEqualTo(PASSWORD);
    }
  }

  private static long createAcmeAccount(ConfigurableApplicationContext portal) {
    long acme = portal.getBean(TenantService.class).findByName("Acme").orElseThrow().id();
    AccountForm form =
        new AccountForm(
            "Main",
            "http://gw.example",
            GatewayCharset.UTF8,
            "1001",
            "acme",
            PASSWORD,
            PASSWORD,
            1000,
            false,
            true,
            null);
    return TenantContext.callAs(
        acme, () -> portal.getBean(GatewayAccounts.class).create(form, null));
  }

  private static String passwordOf(ConfigurableApplicationContext portal, long id) {
    return TenantContext.callAs(
            TenantContext.ALL_TENANTS, () -> portal.getBean(GatewayAccounts.class).credentials(id))
        .orElseThrow()
        .password();
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
    return new SpringApplicationBuilder(SmsPortalApplication.class).run(args);
  }
}
