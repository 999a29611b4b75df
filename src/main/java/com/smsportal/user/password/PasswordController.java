package com.smsportal.user.password;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.session.SignedInSessions;
import com.smsportal.user.session.UserSessions;
import com.smsportal.user.throttle.LoginProtection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user changes their own password here; a temporary one must be replaced first. A change ends
 * the user's other sessions and sign-ins waiting for their code, and this one goes on under a new
 * id. The current password is checked inside the login throttle ({@link
 * LoginProtection#currentPassword}).
 */
@Controller
public class PasswordController {

  /** The page where users change their own password. */
  public static final String PATH = "/account/password";

  static final String VIEW = "user/password";

  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final SignedInSessions signedIn;
  private final LoginProtection protection;
  private final UserSessions sessions;
  private final AuditLog audit;
  private final Clock clock;

  PasswordController(
      PortalUserRepository users,
      PasswordEncoder encoder,
      SignedInSessions signedIn,
      LoginProtection protection,
      UserSessions sessions,
      AuditLog audit,
      Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.signedIn = signedIn;
    this.protection = protection;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  @ModelAttribute("mustChangePassword")
  boolean mustChangePassword(@AuthenticationPrincipal PortalUserDetails me) {
    return me != null && me.mustChangePassword();
  }

  @GetMapping(PATH)
  String form(Model model) {
    model.addAttribute("form", PasswordForm.empty());
    return VIEW;
  }

  /**
   * Not one transaction: the throttle counts the current-password check in a transaction of its
   * own, and a request holding a connection while it waits for a second one could starve the pool
   * under a burst.
   */
  @PostMapping(PATH)
  String change(
      @ModelAttribute("form") PasswordForm form,
      BindingResult errors,
      @AuthenticationPrincipal PortalUserDetails me,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    PortalUser user = users.findById(me.id()).orElseThrow();
    if (form.current() == null || form.current().isEmpty()) {
      errors.rejectValue("current", "password.error.current");
    } else {
      // Inside the login throttle: reserved before the hash is checked, on the same counters.
      LoginProtection.Checked current =
          protection.currentPassword(
              user.getUsername(),
              request.getRemoteAddr(),
              () -> encoder.matches(form.current(), user.getPasswordHash()));
      if (!current.right()) {
        errors.rejectValue("current", current.messageKey(), current.messageArguments(), null);
      }
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
    users.save(user);
    audit.record(
        AuditEntry.success(AuditAction.PASSWORD_CHANGED, user.getUsername())
            .tenant(user.getTenantId(), null));
    // The other sessions end first: the store knows this one by the id it had when the request
    // came, and the refresh gives it a new one, written only when the request ends.
    sessions.endAll(user.getUsername(), request.getSession().getId());
    signedIn.refresh(user.getUsername(), request, response);
    redirect.addFlashAttribute("passwordChanged", true);
    return "redirect:/";
  }
}
