package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.secrets.CredentialCipher;
import com.smsportal.secrets.TestCiphers;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * A stored gateway password opens only where it was stored and for the gateway account it was given
 * for: its binding names its column, row, tenant, endpoint, userid and account.
 */
class CredentialBindingTests {

  static final String SECRET = "s3cret-密码";
  static final CredentialBinding WHERE =
      new CredentialBinding("password_ciphertext", 42, 7, 3, "1001", "acme");

  final SecretKey key = TestCiphers.randomKey();
  final CredentialCipher underOld = TestCiphers.under("k1", Map.of("k1", key));

  @Test
  void aValueCopiedToAnotherRowTenantOrColumnIsRefused() {
    String stored = underOld.encrypt(SECRET, WHERE);
    for (CredentialBinding elsewhere :
        new CredentialBinding[] {
          new CredentialBinding("password_ciphertext", 43, 7, 3, "1001", "acme"),
          new CredentialBinding("password_ciphertext", 42, 8, 3, "1001", "acme"),
          new CredentialBinding("pending_password_ciphertext", 42, 7, 3, "1001", "acme")
        }) {
      assertThatThrownBy(() -> underOld.decrypt(stored, elsewhere))
          .as(elsewhere.toString())
          .hasMessageContaining("failed authentication");
    }
  }

  @Test
  void aValueLeftBehindAfterItsAccountPointsElsewhereIsRefused() {
    String stored = underOld.encrypt(SECRET, WHERE);
    for (CredentialBinding moved :
        new CredentialBinding[] {
          new CredentialBinding("password_ciphertext", 42, 7, 4, "1001", "acme"),
          new CredentialBinding("password_ciphertext", 42, 7, 3, "1002", "acme"),
          new CredentialBinding("password_ciphertext", 42, 7, 3, "1001", "acme2"),
          // Free text is length-prefixed: shifting characters between fields is another binding.
          new CredentialBinding("password_ciphertext", 42, 7, 3, "100", "1acme")
        }) {
      assertThatThrownBy(() -> underOld.decrypt(stored, moved))
          .as(moved.toString())
          .hasMessageContaining("failed authentication");
    }
  }

  @Test
  void aValueOfTheFirstFormatOpensOnlyForItsColumnAndTenant() {
    String legacy =
        TestCiphers.legacyValue(
            key, "k1", SECRET, CredentialBinding.legacy("password_ciphertext", 7).context());
    assertThat(underOld.decryptLegacy(legacy, CredentialBinding.legacy("password_ciphertext", 7)))
        .isEqualTo(SECRET);
    assertThatThrownBy(
            () ->
                underOld.decryptLegacy(legacy, CredentialBinding.legacy("password_ciphertext", 8)))
        .hasMessageContaining("failed authentication");
    assertThatThrownBy(
            () ->
                underOld.decryptLegacy(
                    legacy, CredentialBinding.legacy("pending_password_ciphertext", 7)))
        .hasMessageContaining("failed authentication");
  }
}
