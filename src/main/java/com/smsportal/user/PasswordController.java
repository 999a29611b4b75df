package com.smsportal.user;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here; a temporary one must be replaced first. */
@Controller
class PasswordController {

  static final String VIEW = "user/password";

  private final PortalUserRepository users;
  private final PortalUserDetailsService userDetails;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  PasswordController(
      PortalUserRepository users,
      PortalUserDetailsService userDetails,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock) {
    this.users = users;
    this.userDetails = userDetails;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
  }

  @ModelAttribute("mustChangePassword")
  boolean mustChangePassword(@AuthenticationPrincipal PortalUserDetails me) {
    return me != null && me.mustChangePassword();
  }

  @GetMapping(PasswordChangeGate.PATH)
  String form(Model model) {
    model.addAttribute("form", PasswordForm.empty());
    return VIEW;
  }

  @PostMapping(PasswordChangeGate.PATH)
  @Transactional
  String change(
      @ModelAttribute("form") PasswordForm form,
      BindingResult errors,
      @AuthenticationPrincipal PortalUserDetails me,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    PortalUser user = users.findById(me.id()).orElseThrow();
    if (form.current() == null || !encoder.matches(form.current(), user.getPasswordHash())) {
      errors.rejectValue("current", "password.error.current");
    }
    PasswordPolicy.violation(form.password(), user.getUsername())
        .ifPresent(key -> errors.rejectValue("password", key));
    if (!errors.hasFieldErrors("password") && !form.password().equals(form.repeat())) {
      errors.rejectValue("repeat", "password.error.repeat");
    }
    if (!errors.hasFieldErrors("password")
        && form.current() != null
        && form.password().equals(form.current())) {
      errors.rejectValue("password", "password.error.same");
    }
    if (errors.hasErrors()) {
      audit.record(AuditEntry.failure(AuditAction.PASSWORD_CHANGED, user.getUsername()));
      return VIEW;
    }
    user.changePassword(encoder.encode(form.password()), clock.instant());
    audit.record(
        AuditEntry.success(AuditAction.PASSWORD_CHANGED, user.getUsername())
            .tenant(user.getTenantId(), null));
    refreshPrincipal(user.getUsername(), request, response);
    redirect.addFlashAttribute("passwordChanged", true);
    return "redirect:/";
  }

  /** The session's principal no longer asks for a change once the new password is stored. */
  private void refreshPrincipal(
      String username, HttpServletRequest request, HttpServletResponse response) {
    PortalUserDetails fresh = (PortalUserDetails) userDetails.loadUserByUsername(username);
    fresh.eraseCredentials();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
