package com.smsportal.user.signin;

import com.smsportal.user.throttle.LoginProtectionProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

  static final String VIEW = "auth/login";

  private final LoginProtectionProperties protection;

  LoginController(LoginProtectionProperties protection) {
    this.protection = protection;
  }

  @GetMapping("/login")
  String login(
      Authentication authentication,
      @RequestParam(name = "wait", required = false) String wait,
      Model model) {
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    model.addAttribute("lockoutMinutes", protection.lockoutDuration().toMinutes());
    // Only a number of seconds of our own making is shown; anything else in a link is not.
    model.addAttribute(
        "waitSeconds", wait != null && wait.matches("[0-9]{1,5}") ? Integer.parseInt(wait) : 60);
    return VIEW;
  }
}
