package com.smsportal.user.signin;

import com.smsportal.user.throttle.LoginRecords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The notice of failed attempts on the user's account since their previous sign-in (see {@link
 * SignIns#started}) stays on every page until the user dismisses it here.
 */
@Controller
class SignInNoticeController {

  static final String DISMISS_PATH = "/account/sign-in-notice/dismiss";

  @PostMapping(DISMISS_PATH)
  String dismiss(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(LoginRecords.FailuresSince.ATTRIBUTE);
    }
    return "redirect:/";
  }
}
