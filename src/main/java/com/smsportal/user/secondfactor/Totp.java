package com.smsportal.user.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them (Google and
 * Microsoft Authenticator, 腾讯身份验证器 and the WeChat mini programs): HMAC-SHA1, 6 digits, 30 second
 * steps, a 160-bit secret written in base32. The codes come from java-otp; this class only chooses
 * the parameters, the tolerance for a phone's clock (one step either way) and the URI the QR code
 * carries.
 */
final class Totp {

  static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
  static final int DIGITS = 6;
  private static final int SECRET_BYTES = 20;
  private static final int TOLERANCE_STEPS = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TimeBasedOneTimePasswordGenerator GENERATOR =
      new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);

  private Totp() {}

  /** A new secret in base32, upper case, without padding: what a person types into an app. */
  static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return new Base32().encodeAsString(secret).replace("=", "");
  }

  /** The time step of an instant: seconds since the epoch divided by 30. */
  static long stepOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
  }

  /** The code of a step, as the app shows it (6 digits, leading zeros kept). */
  static String code(String secret, long step) {
    try {
      return GENERATOR.generateOneTimePasswordString(
          key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a TOTP secret is not a valid HMAC key");
    }
  }

  /**
   * The step whose code this is, within one step of {@code now} and after {@code lastUsedStep} (a
   * code already accepted is not accepted again); empty if it matches none.
   */
  static OptionalLong matchingStep(String secret, String typed, Instant now, Long lastUsedStep) {
    String code = typed == null ? "" : typed.replaceAll("\\s", "");
    if (!code.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = stepOf(now);
    for (long step = current - TOLERANCE_STEPS; step <= current + TOLERANCE_STEPS; step++) {
      boolean fresh = lastUsedStep == null || step > lastUsedStep;
      if (fresh
          && MessageDigest.isEqual(
              code(secret, step).getBytes(StandardCharsets.US_ASCII),
              code.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** Whether the text looks like a TOTP code rather than a recovery code. */
  static boolean looksLikeCode(String typed) {
    return typed != null && typed.replaceAll("\\s", "").matches("[0-9]{" + DIGITS + "}");
  }

  /** The otpauth URI of the key-uri format that authenticator apps scan from the QR code. */
  static String uri(String issuer, String username, String secret) {
    String label = encode(issuer) + ":" + encode(username);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP.getSeconds();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
  }
}
