package com.smsportal.user.session;

import com.smsportal.secrets.PortalSecrets;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@code SESSION} cookie bound to a secret the database does not hold: its value is the session
 * id and an HMAC-SHA256 of it under a key derived from the portal's encryption key ({@link
 * PortalSecrets#derivedKeys}). Spring Session keeps the bare id in {@code SPRING_SESSION}, so a
 * reader of that table, or of a backup, learns ids but cannot make the cookie that opens them. A
 * cookie whose MAC is wrong (or missing) counts as no cookie at all: the visitor is anonymous, not
 * "signed out". Everything else about the cookie (name, flags, base64) is Boot's, unchanged.
 */
final class SignedSessionCookies implements CookieSerializer {

  static final String PURPOSE = "session-cookie";
  private static final char SEPARATOR = '.';

  private final CookieSerializer cookies;
  private final Supplier<List<byte[]>> keys;

  SignedSessionCookies(CookieSerializer cookies, Supplier<List<byte[]>> keys) {
    this.cookies = cookies;
    this.keys = SingletonSupplier.of(keys);
  }

  @Override
  public void writeCookieValue(CookieValue value) {
    String id = value.getCookieValue();
    if (id == null || id.isEmpty()) {
      cookies.writeCookieValue(value);
      return;
    }
    CookieValue signed =
        new CookieValue(
            value.getRequest(), value.getResponse(), id + SEPARATOR + mac(keys.get().get(0), id));
    signed.setCookieMaxAge(value.getCookieMaxAge());
    cookies.writeCookieValue(signed);
  }

  @Override
  public List<String> readCookieValues(HttpServletRequest request) {
    List<String> ids = new ArrayList<>();
    for (String value : cookies.readCookieValues(request)) {
      int at = value.lastIndexOf(SEPARATOR);
      if (at > 0 && signedBy(value.substring(0, at), value.substring(at + 1))) {
        ids.add(value.substring(0, at));
      }
    }
    return ids;
  }

  private boolean signedBy(String id, String presented) {
    byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
    boolean valid = false;
    for (byte[] key : keys.get()) {
      // Every key is tried, so the time taken does not tell which one matched.
      valid |= MessageDigest.isEqual(mac(key, id).getBytes(StandardCharsets.US_ASCII), given);
    }
    return valid;
  }

  private static String mac(byte[] key, String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
