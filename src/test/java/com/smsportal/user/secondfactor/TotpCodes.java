package com.smsportal.user.secondfactor;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an authenticator app does, for tests: the code of a key at a time. The portal accepts each
 * code once, so a test that signs in right after enrolling asks for the next step's code.
 */
public final class TotpCodes {

  private static final Pattern SECRET = Pattern.compile("[?&]secret=([A-Z2-7]+)");

  private TotpCodes() {}

  /** The code the app shows at this instant. */
  public static String at(String secret, Instant at) {
    return Totp.code(secret.replace(" ", ""), Totp.stepOf(at));
  }

  /** The code of the step after this instant's: still accepted, and not the one just used. */
  public static String next(String secret, Instant at) {
    return Totp.code(secret.replace(" ", ""), Totp.stepOf(at) + 1);
  }

  /** The code of the step before this instant's: accepted, leaving this step's code unused. */
  public static String previous(String secret, Instant at) {
    return Totp.code(secret.replace(" ", ""), Totp.stepOf(at) - 1);
  }

  /** The key an otpauth:// URI (what the QR code holds) carries. */
  public static String secretOf(String otpauthUri) {
    Matcher matcher = SECRET.matcher(otpauthUri);
    if (!matcher.find()) {
      throw new AssertionError("no secret in the QR code's URI");
    }
    return matcher.group(1);
  }
}
