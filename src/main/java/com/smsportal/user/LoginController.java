package com.smsportal.user;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  static final String VIEW = "auth/login";

  private final LoginProtectionProperties protection;

  LoginController(LoginProtectionProperties protection) {
    this.protection = protection;
  }

  @GetMapping("/login")
  String login(Authentication authentication, Model model) {
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    model.addAttribute("lockoutMinutes", protection.lockoutDuration().toMinutes());
    return VIEW;
  }
}
