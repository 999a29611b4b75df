package com.smsportal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * Lets MockMvc tests keep holding a session as a {@link MockHttpSession} ({@code .session(s)})
 * while the portal keeps its sessions in the database (Spring Session), which knows a session only
 * by its {@code SESSION} cookie: the cookie a response sets is kept in the request's mock session,
 * and sent with every later request made with that mock session, as a browser would. The portal's
 * own cookie handling is used unchanged.
 *
 * <p>A plain component in the test sources, so that component scanning puts it into every test
 * context, where Boot applies it to the auto-configured {@code MockMvc}.
 */
@Component
public class MockMvcSessionCookie implements MockMvcBuilderCustomizer {

  static final String COOKIE = "SESSION";
  private static final String KEPT = MockMvcSessionCookie.class.getName() + ".COOKIE";

  @Override
  public void customize(ConfigurableMockMvcBuilder<?> builder) {
    builder
        .defaultRequest(get("/").with(MockMvcSessionCookie::sendKeptCookie))
        .alwaysDo(MockMvcSessionCookie::keepSetCookie);
  }

  /** The id of the portal's session that this mock session stands for. */
  public static String sessionId(MockHttpSession session) {
    Object cookie = session.getAttribute(KEPT);
    if (!(cookie instanceof String value)) {
      throw new AssertionError("this mock session holds no portal session");
    }
    // The cookie holds the id and its MAC (SignedSessionCookies): "<id>.<mac>".
    String signed = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    return signed.substring(0, signed.lastIndexOf('.'));
  }

  private static MockHttpServletRequest sendKeptCookie(MockHttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Cookie[] sent = request.getCookies() == null ? new Cookie[0] : request.getCookies();
    boolean own = Arrays.stream(sent).anyMatch(c -> c.getName().equals(COOKIE));
    if (session != null && session.getAttribute(KEPT) instanceof String value && !own) {
      List<Cookie> cookies = new ArrayList<>(Arrays.asList(sent));
      cookies.add(new Cookie(COOKIE, value));
      request.setCookies(cookies.toArray(Cookie[]::new));
    }
    return request;
  }

  private static void keepSetCookie(MvcResult result) {
    // The last one counts: a sign-in sets the cookie of the new session, then of its new id.
    Cookie set =
        Arrays.stream(result.getResponse().getCookies())
            .filter(c -> c.getName().equals(COOKIE))
            .reduce((first, second) -> second)
            .orElse(null);
    if (set == null) {
      return;
    }
    if (set.getMaxAge() == 0) {
      HttpSession session = result.getRequest().getSession(false);
      if (session != null) {
        session.removeAttribute(KEPT);
      }
    } else {
      result.getRequest().getSession(true).setAttribute(KEPT, set.getValue());
    }
  }
}
