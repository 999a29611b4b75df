package com.smsportal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Logs in through the real login form and hands back the session, as a browser would hold it. */
public final class Logins {

  public static final String DEMO_PASSWORD = "demo12345";

  private Logins() {}

  public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
    return as(mvc, username, DEMO_PASSWORD);
  }

  public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
    MvcResult result =
        mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
    String target = result.getResponse().getRedirectedUrl();
    if (target == null || target.contains("error")) {
      throw new AssertionError("login of " + username + " failed: " + target);
    }
    return (MockHttpSession) result.getRequest().getSession(false);
  }
}
