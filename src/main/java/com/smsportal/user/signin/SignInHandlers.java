package com.smsportal.user.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Where the login form leads: in, to the code page, or back with the reason. */
public final class SignInHandlers {

  public static final String CODE_PAGE = "/login/verify";

  private SignInHandlers() {}

  /** A completed sign-in: the session's clocks start, then on to the page first asked for. */
  public static SavedRequestAwareAuthenticationSuccessHandler success(SignIns signIns) {
    SavedRequestAwareAuthenticationSuccessHandler handler =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          public void onAuthenticationSuccess(
              HttpServletRequest request, HttpServletResponse response, Authentication auth)
              throws ServletException, IOException {
            signIns.started(request, response, auth.getName());
            super.onAuthenticationSuccess(request, response, auth);
          }
        };
    handler.setDefaultTargetUrl("/");
    return handler;
  }

  /**
   * A refused login goes back to the form with its reason; the right password of a user with a
   * second factor goes to the code page, its session holding the {@link PendingSignIn} under a new
   * id (the one the password was typed in could have been planted).
   */
  public static AuthenticationFailureHandler failure() {
    return (request, response, exception) -> {
      if (exception instanceof SignInRefusedException refused
          && refused.reason() == SignInRefusedException.Reason.SECOND_FACTOR_NEEDED) {
        request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, refused.pending());
        request.changeSessionId();
        response.sendRedirect(request.getContextPath() + CODE_PAGE);
        return;
      }
      response.sendRedirect(request.getContextPath() + "/login?error=" + reason(exception));
    };
  }

  private static String reason(AuthenticationException exception) {
    if (exception instanceof SignInRefusedException slowed) {
      return "slow&wait=" + slowed.waitSeconds();
    }
    if (exception instanceof LockedException) {
      return "locked";
    }
    if (exception instanceof DisabledException) {
      return "disabled";
    }
    if (exception instanceof CredentialsExpiredException) {
      return "expired";
    }
    return "bad";
  }
}
