package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie carries a MAC the session table cannot yield (issue 20). */
class SignedSessionCookiesTests {

  static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
  static final byte[] OLD_KEY = "o".repeat(32).getBytes(StandardCharsets.US_ASCII);
  static final String ID = "5f0c3a52-8d7e-4c1b-9a3e-2b7d6f1e0c49";

  @Test
  void theCookieItWritesIsReadBackAsTheSessionId() {
    String cookie =
        written(new SignedSessionCookies(new DefaultCookieSerializer(), () -> List.of(KEY)));
    assertThat(decoded(cookie)).startsWith(ID + ".").isNotEqualTo(ID);
    assertThat(read(List.of(KEY), cookie)).containsExactly(ID);
  }

  @Test
  void aCookieOfTheBareIdAsTheTableHoldsItIsNoSession() {
    String fromTheTable = Base64.getEncoder().encodeToString(ID.getBytes(StandardCharsets.UTF_8));
    assertThat(read(List.of(KEY), fromTheTable)).isEmpty();
  }

  @Test
  void aCookieWithAnAlteredIdOrMacIsNoSession() {
    String cookie =
        written(new SignedSessionCookies(new DefaultCookieSerializer(), () -> List.of(KEY)));
    String signed = decoded(cookie);
    String otherId = "6" + signed.substring(1);
    String otherMac = signed.substring(0, signed.length() - 1) + (signed.endsWith("A") ? "B" : "A");
    assertThat(read(List.of(KEY), encoded(otherId))).isEmpty();
    assertThat(read(List.of(KEY), encoded(otherMac))).isEmpty();
  }

  @Test
  void aCookieMadeUnderAnotherKeyIsNoSessionUnlessThatKeyIsStillKnown() {
    String oldCookie =
        written(new SignedSessionCookies(new DefaultCookieSerializer(), () -> List.of(OLD_KEY)));
    assertThat(read(List.of(KEY), oldCookie)).isEmpty();
    assertThat(read(List.of(KEY, OLD_KEY), oldCookie)).containsExactly(ID);
  }

  private static String written(SignedSessionCookies cookies) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    cookies.writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, ID));
    return response.getCookie("SESSION").getValue();
  }

  private static List<String> read(List<byte[]> keys, String cookie) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setCookies(new Cookie("SESSION", cookie));
    return new SignedSessionCookies(new DefaultCookieSerializer(), () -> keys)
        .readCookieValues(request);
  }

  private static String decoded(String cookie) {
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }

  private static String encoded(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
