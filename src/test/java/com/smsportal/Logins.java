package com.smsportal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.user.secondfactor.SecondFactorFixture;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Logs in through the real login form and hands back the session, as a browser would hold it. A
 * user with a second factor finishes on the code page with a code from {@link SecondFactorFixture}.
 */
public final class Logins {

  public static final String DEMO_PASSWORD = "demo12345";

  private Logins() {}

  public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
    return as(mvc, username, DEMO_PASSWORD);
  }

  public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
    ApplicationContext context = mvc.getDispatcherServlet().getWebApplicationContext();
    SecondFactorFixture.prepare(context, username);
    MvcResult result =
        mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
    String target = result.getResponse().getRedirectedUrl();
    if ("/login/verify".equals(target)) {
      result =
          mvc.perform(
                  post("/login/verify")
                      .param("code", SecondFactorFixture.nextCode(context, username))
                      .session((MockHttpSession) result.getRequest().getSession(false))
                      .with(csrf()))
              .andReturn();
      target = result.getResponse().getRedirectedUrl();
    }
    if (target == null || target.contains("error")) {
      throw new AssertionError("login of " + username + " failed: " + target);
    }
    return (MockHttpSession) result.getRequest().getSession(false);
  }
}
