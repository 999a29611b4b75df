package com.smsportal.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class CredentialCipherTests {

  static final String SECRET = "s3cret-密码";

  /**
   * Where the tests' values are kept (the gateway accounts' own bindings: CredentialBindingTests).
   */
  static final CredentialCipher.Binding WHERE = () -> "a table.a column/id:42";

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
  void aValueUnderAnotherBindingIsRefused() {
    String stored = underOld.encrypt(SECRET, WHERE);
    assertThatThrownBy(() -> underOld.decrypt(stored, () -> "a table.a column/id:43"))
        .hasMessageContaining("failed authentication");
  }

  @Test
  void aValueOfTheFirstFormatIsReadOnlyAsSuchAndNotByTheCurrentReader() {
    CredentialCipher.Binding legacyWhere = () -> "a column/tenant:7";
    String legacy = TestCiphers.legacyValue(oldKey, "k1", SECRET, legacyWhere.context());
    assertThat(CredentialCipher.isLegacy(legacy)).isTrue();
    assertThat(underOld.decryptLegacy(legacy, legacyWhere)).isEqualTo(SECRET);
    assertThatThrownBy(() -> underOld.decrypt(legacy, WHERE))
        .hasMessageContaining("not an encrypted credential of format v2");
    assertThatThrownBy(() -> underOld.decryptLegacy(legacy, () -> "a column/tenant:8"))
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

  static SecretKey randomKey() {
    return TestCiphers.randomKey();
  }

  private static EncryptionKeys keys(String current, Map<String, SecretKey> keys) {
    return new EncryptionKeys(current, keys);
  }
}
