package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class BackgroundPollsTests {

  private static final long NOW = 10_000_000_000L;
  private final List<HttpSession> ended = new ArrayList<>();
  private final BackgroundPolls filter = new BackgroundPolls(ended::add, () -> NOW);

  private MockHttpSession session(long lastActivityMinutesAgo) {
    MockHttpSession session = new MockHttpSession();
    session.setMaxInactiveInterval(30 * 60);
    session.setAttribute(BackgroundPolls.LAST_ACTIVITY, NOW - lastActivityMinutesAgo * 60_000);
    return session;
  }

  private MockHttpServletResponse ask(MockHttpSession session, String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.addHeader("HX-Request", "true");
    request.setSession(session);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void aPollAfterTheIdleTimeoutEndsTheSessionAndReloadsThePage() throws Exception {
    MockHttpSession session = session(31);
    MockHttpServletResponse response = ask(session, "/notifications/count");
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("HX-Refresh")).isEqualTo("true");
    assertThat(session.isInvalid()).isTrue();
    assertThat(ended).containsExactly(session);
  }

  @Test
  void aPollWithinTheIdleTimeoutPassesAndDoesNotCountAsActivity() throws Exception {
    MockHttpSession session = session(29);
    assertThat(ask(session, "/notifications/count").getStatus()).isEqualTo(200);
    assertThat(session.isInvalid()).isFalse();
    assertThat(session.getAttribute(BackgroundPolls.LAST_ACTIVITY)).isEqualTo(NOW - 29 * 60_000);
  }

  @Test
  void anyOtherRequestIsTheUsersActivity() throws Exception {
    MockHttpSession session = session(31);
    assertThat(ask(session, "/jobs/7/live").getStatus()).isEqualTo(200);
    assertThat(session.getAttribute(BackgroundPolls.LAST_ACTIVITY)).isEqualTo(NOW);
    assertThat(ended).isEmpty();
  }
}
