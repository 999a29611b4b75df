package com.smsportal.gatewayaccount.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.smsportal.SimulatorControl.OpenedAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The gateway account form ({@code /accounts}) as a browser posts it, and the posting of any form
 * of this package's pages, for its integration tests.
 */
public final class PostedForms {

  private PostedForms() {}

  /** The gateway account form ({@code /accounts}) for {@code account} of the simulator. */
  public static String[] account(
      String name, long endpoint, OpenedAccount account, String password) {
    return new String[] {
      "name",
      name,
      "endpointId",
      String.valueOf(endpoint),
      "charset",
      "UTF8",
      "userid",
      account.userid(),
      "account",
      account.account(),
      "password",
      password,
      "passwordConfirmation",
      password,
      "chunkSize",
      "1000",
      // What a browser sends for the checkboxes: a ticked box, and each box's marker.
      "active",
      "true",
      "_active",
      "on",
      "_extnoSupported",
      "on"
    };
  }

  /**
   * Sends {@code request} in {@code session} with a CSRF token: the form fields (none if null),
   * then the overrides in {@code more} (a later value replaces an earlier one).
   */
  public static MockHttpServletResponse send(
      MockMvc mvc,
      MockHttpSession session,
      MockHttpServletRequestBuilder request,
      String[] fields,
      String... more) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String[] list : new String[][] {fields == null ? new String[0] : fields, more}) {
      for (int i = 0; i < list.length; i += 2) {
        params.put(list[i], list[i + 1]);
      }
    }
    params.forEach(request::param);
    try {
      return mvc.perform(request.session(session).with(csrf())).andReturn().getResponse();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
