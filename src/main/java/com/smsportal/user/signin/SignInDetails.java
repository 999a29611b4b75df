package com.smsportal.user.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the login form sends besides user name and password: the client's address and, when an
 * account is soft-locked, the second-factor code typed with the password. Only the form makes
 * these; nothing else signs in with a password (the actuator takes only its metrics token).
 */
public final class SignInDetails extends WebAuthenticationDetails {

  @Serial private static final long serialVersionUID = 1L;

  static final String CODE_PARAMETER = "code";

  private final transient String code;

  public SignInDetails(HttpServletRequest request) {
    super(request);
    String typed = request.getParameter(CODE_PARAMETER);
    this.code = typed == null || typed.isBlank() ? null : typed.strip();
  }

  /** The code typed on the login form, or null. */
  String code() {
    return code;
  }

  @Override
  public String toString() {
    return "SignInDetails[" + getRemoteAddress() + (code == null ? "" : ", code ****") + "]";
  }
}
