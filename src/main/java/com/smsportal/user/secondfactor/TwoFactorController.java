package com.smsportal.user.secondfactor;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.session.SessionProperties;
import com.smsportal.user.session.SignedInSessions;
import com.smsportal.user.throttle.LoginProtection;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's own second factor: enrolment (the key as a QR code and as text, confirmed with a first
 * code, then ten recovery codes shown once), and later new recovery codes. Required for staff and
 * where a tenant requires it (the sign-in gate sends them here first); optional for the rest.
 */
@Controller
public class TwoFactorController {

  /** The page of a user's own second factor. */
  public static final String PATH = "/account/two-factor";

  static final String VIEW = "user/two-factor";
  static final String CODES_VIEW = "user/recovery-codes";

  private final SecondFactors secondFactors;
  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final SignedInSessions signedIn;
  private final LoginProtection protection;
  private final SessionProperties properties;
  private final AuditLog audit;

  TwoFactorController(
      SecondFactors secondFactors,
      PortalUserRepository users,
      PasswordEncoder encoder,
      SignedInSessions signedIn,
      LoginProtection protection,
      SessionProperties properties,
      AuditLog audit) {
    this.secondFactors = secondFactors;
    this.users = users;
    this.encoder = encoder;
    this.signedIn = signedIn;
    this.protection = protection;
    this.properties = properties;
    this.audit = audit;
  }

  @GetMapping(PATH)
  String show(@AuthenticationPrincipal PortalUserDetails me, Model model) {
    return page(me, model);
  }

  /** The QR code of the key being enrolled; never cached, never of a confirmed key. */
  @GetMapping(value = PATH + "/qr.svg")
  ResponseEntity<String> qrCode(@AuthenticationPrincipal PortalUserDetails me) {
    if (secondFactors.enrolled(me.id())) {
      throw new NotFoundException();
    }
    String uri =
        Totp.uri(properties.totpIssuer(), me.getUsername(), secondFactors.pendingSecret(me.id()));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.valueOf("image/svg+xml"))
        .body(QrCodes.svg(uri));
  }

  @PostMapping(PATH)
  String confirm(
      @RequestParam(defaultValue = "") String code,
      @AuthenticationPrincipal PortalUserDetails me,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (secondFactors.enrolled(me.id())) {
      return "redirect:" + PATH;
    }
    Optional<List<String>> codes = secondFactors.confirm(me.id(), code);
    if (codes.isEmpty()) {
      model.addAttribute("codeError", true);
      return page(me, model);
    }
    audit.record(
        AuditEntry.success(AuditAction.SECOND_FACTOR_ENROLLED, me.getUsername())
            .tenant(me.tenantId(), me.tenantName()));
    signedIn.refresh(me.getUsername(), request, response);
    model.addAttribute("codes", codes.get());
    model.addAttribute("enrolledNow", true);
    return CODES_VIEW;
  }

  @PostMapping(PATH + "/recovery-codes")
  String newRecoveryCodes(
      @RequestParam(defaultValue = "") String password,
      @AuthenticationPrincipal PortalUserDetails me,
      HttpServletRequest request,
      Model model) {
    if (!secondFactors.enrolled(me.id())) {
      return "redirect:" + PATH;
    }
    String hash = users.findById(me.id()).orElseThrow().getPasswordHash();
    if (password.isEmpty()) {
      model.addAttribute("passwordError", "password.error.current");
      return page(me, model);
    }
    // Inside the login throttle: reserved before the hash is checked, on the same counters.
    LoginProtection.Checked current =
        protection.currentPassword(
            me.getUsername(), request.getRemoteAddr(), () -> encoder.matches(password, hash));
    if (!current.right()) {
      model.addAttribute("passwordError", current.messageKey());
      model.addAttribute("passwordErrorArg", current.messageArgument());
      return page(me, model);
    }
    List<String> codes = secondFactors.issueRecoveryCodes(me.id());
    audit.record(
        AuditEntry.success(AuditAction.RECOVERY_CODES_ISSUED, me.getUsername())
            .tenant(me.tenantId(), me.tenantName()));
    model.addAttribute("codes", codes);
    model.addAttribute("enrolledNow", false);
    return CODES_VIEW;
  }

  private String page(PortalUserDetails me, Model model) {
    Optional<java.time.Instant> enrolledAt = secondFactors.enrolledAt(me.id());
    model.addAttribute("enrolled", enrolledAt.isPresent());
    model.addAttribute("required", me.mustEnrolSecondFactor());
    // Only where the policy leaves it to the user (TwoFactorChangesController checks the same).
    model.addAttribute(
        "canTurnOff", enrolledAt.isPresent() && !secondFactors.required(me.role(), me.tenantId()));
    if (enrolledAt.isPresent()) {
      model.addAttribute("enrolledAt", enrolledAt.get());
      model.addAttribute("codesLeft", secondFactors.recoveryCodesLeft(me.id()));
    } else {
      model.addAttribute("secret", grouped(secondFactors.pendingSecret(me.id())));
      model.addAttribute("issuer", properties.totpIssuer());
    }
    return VIEW;
  }

  /** The key in groups of four, as people copy it into an app. */
  static String grouped(String secret) {
    return String.join(" ", secret.split("(?<=\\G.{4})"));
  }
}
