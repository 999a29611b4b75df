package com.smsportal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayLogin;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class CredentialCipherTests {

  static final String SECRET = "s3cret-密码";
  static final CredentialBinding WHERE =
      new CredentialBinding("password_ciphertext", 42, 7, 3, "1001", "acme");

  final SecretKey oldKey = randomKey();
  final SecretKey newKey = randomKey();
  final CredentialCipher underOld = new CredentialCipher(keys("k1", Map.of("k1", oldKey)));
  final CredentialCipher underNew =
      new CredentialCipher(keys("k2", Map.of("k1", oldKey, "k2", newKey)));

  @Test
  void aValueDecryptsToWhatWasEncryptedAndCarriesTheKeyId() {
    String stored = underOld.encrypt(SECRET, WHERE);
    assertThat(stored).startsWith("v2:k1:").doesNotContain(SECRET);
    assertThat(underOld.decrypt(stored, WHERE)).isEqualTo(SECRET);
  }

  @Test
  void twoEncryptionsOfTheSameValueDiffer() {
    assertThat(underOld.encrypt(SECRET, WHERE)).isNotEqualTo(underOld.encrypt(SECRET, WHERE));
  }

  @Test
  void aTamperedCiphertextIsRefused() {
    String stored = underOld.encrypt(SECRET, WHERE);
    byte[] raw = Base64.getDecoder().decode(stored.substring("v2:k1:".length()));
    raw[raw.length / 2] ^= 1;
    String tampered = "v2:k1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> underOld.decrypt(tampered, WHERE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed authentication");
  }

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
  void aValueOfTheFirstFormatIsReadOnlyAsSuchAndNotByTheCurrentReader() {
    String legacyWhere = CredentialCipher.legacyContext("password_ciphertext", 7);
    String legacy = legacyValue(oldKey, "k1", SECRET, legacyWhere);
    assertThat(CredentialCipher.isLegacy(legacy)).isTrue();
    assertThat(underOld.decryptLegacy(legacy, legacyWhere)).isEqualTo(SECRET);
    assertThatThrownBy(() -> underOld.decrypt(legacy, WHERE))
        .hasMessageContaining("not an encrypted credential of format v2");
    assertThatThrownBy(
            () ->
                underOld.decryptLegacy(
                    legacy, CredentialCipher.legacyContext("password_ciphertext", 8)))
        .hasMessageContaining("failed authentication");
  }

  @Test
  void aValueUnderAnOldKeyStillDecryptsAndIsReencryptedUnderTheCurrentKey() {
    String old = underOld.encrypt(SECRET, WHERE);
    assertThat(underNew.decrypt(old, WHERE)).isEqualTo(SECRET);
    assertThat(underNew.isCurrent(old)).isFalse();

    String renewed = underNew.reencrypt(old, WHERE);
    assertThat(renewed).startsWith("v2:k2:");
    assertThat(underNew.isCurrent(renewed)).isTrue();
    assertThat(underNew.decrypt(renewed, WHERE)).isEqualTo(SECRET);
    assertThat(underNew.reencrypt(renewed, WHERE)).isSameAs(renewed);
  }

  @Test
  void aWrongKeyFailsClearlyWithoutShowingKeyOrSecret() {
    String stored = underOld.encrypt(SECRET, WHERE);
    CredentialCipher wrongKey = new CredentialCipher(keys("k1", Map.of("k1", randomKey())));
    assertThatThrownBy(() -> wrongKey.decrypt(stored, WHERE))
        .hasMessageContaining("key id 'k1'")
        .hasMessageContaining("the key is wrong")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(Base64.getEncoder().encodeToString(oldKey.getEncoded()));
  }

  @Test
  void aValueUnderAnUnknownKeyIdNamesTheSettingThatIsMissing() {
    String stored = underNew.encrypt(SECRET, WHERE);
    assertThatThrownBy(() -> underOld.decrypt(stored, WHERE))
        .hasMessageContaining("smsportal.encryption.old-keys.k2");
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64IsRefusedWithoutEchoingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> EncryptionKeys.decode(shortKey, "SMSPORTAL_ENCRYPTION_KEY"))
        .hasMessageContaining("SMSPORTAL_ENCRYPTION_KEY must be the base64 of 32 random bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> EncryptionKeys.decode("not base64!", "SMSPORTAL_ENCRYPTION_KEY"))
        .hasMessage("SMSPORTAL_ENCRYPTION_KEY is not valid base64");
  }

  @Test
  void credentialsPrintedInALogLineDoNotShowThePassword() {
    GatewayLogin credentials =
        new GatewayLogin("http://gw", GatewayCharset.GBK, "1001", "acme", SECRET);
    assertThat(credentials.toString()).doesNotContain(SECRET).contains("password=****");
    assertThat(new AccountGateway(1, null, credentials).toString()).doesNotContain(SECRET);
  }

  /**
   * A value as the first format wrote it: AES-GCM with the associated data {@code
   * v1:<keyId>:<column and tenant>}.
   */
  static String legacyValue(SecretKey key, String keyId, String secret, String where) {
    try {
      byte[] iv = new byte[12];
      new SecureRandom().nextBytes(iv);
      javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, iv));
      cipher.updateAAD(("v1:" + keyId + ":" + where).getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static SecretKey randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return EncryptionKeys.decode(Base64.getEncoder().encodeToString(bytes), "test key");
  }

  private static EncryptionKeys keys(String current, Map<String, SecretKey> keys) {
    return new EncryptionKeys(current, keys);
  }
}
