package com.smsportal.sending;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The second step of {@code POST /send} (issue 23) for the tests that send: the form's submit shows
 * a confirmation page, whose confirm button carries a token; confirming it stores the job.
 */
public final class SendConfirmation {

  private static final Pattern TOKEN = Pattern.compile("name=\"confirmToken\" value=\"([^\"]+)\"");

  private SendConfirmation() {}

  /** The confirm token of a confirmation page; empty for any other page (a refused form). */
  public static Optional<String> token(String html) {
    Matcher found = TOKEN.matcher(html);
    return found.find() ? Optional.of(found.group(1)) : Optional.empty();
  }

  /**
   * Submits the form and, if a confirmation page comes back, confirms it in the same session: the
   * answer of the confirm (a redirect to the job), or the refused form as it came back.
   */
  public static MockHttpServletResponse sendAndConfirm(
      MockMvc mvc, RequestBuilder form, MockHttpSession session) throws Exception {
    MockHttpServletResponse reviewed = mvc.perform(form).andReturn().getResponse();
    if (reviewed.getStatus() != 200) {
      return reviewed;
    }
    Optional<String> token = token(reviewed.getContentAsString());
    if (token.isEmpty()) {
      return reviewed;
    }
    return confirm(mvc, token.get(), session);
  }

  /** Presses the confirmation page's confirm button. */
  public static MockHttpServletResponse confirm(MockMvc mvc, String token, MockHttpSession session)
      throws Exception {
    return mvc.perform(post("/send").param("confirmToken", token).session(session).with(csrf()))
        .andReturn()
        .getResponse();
  }
}
