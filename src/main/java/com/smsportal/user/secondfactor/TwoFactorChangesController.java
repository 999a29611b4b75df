package com.smsportal.user.secondfactor;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.session.SignedInSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a user with a second factor changes about it themselves, each with their current password
 * and a current code ({@link CurrentProof}): turning it off where it is optional for them (never
 * for staff, nor for a customer whose tenant requires it), and new recovery codes as a text file. A
 * refusal goes back to the page with its reason next to its field, and changes nothing.
 */
@Controller
class TwoFactorChangesController {

  static final String OFF = TwoFactorController.PATH + "/off";
  static final String DOWNLOAD = TwoFactorController.PATH + "/recovery-codes.txt";

  private final SecondFactors secondFactors;
  private final CurrentProof proof;
  private final SignedInSessions signedIn;
  private final MessageSource messages;
  private final AuditLog audit;

  TwoFactorChangesController(
      SecondFactors secondFactors,
      CurrentProof proof,
      SignedInSessions signedIn,
      MessageSource messages,
      AuditLog audit) {
    this.secondFactors = secondFactors;
    this.proof = proof;
    this.signedIn = signedIn;
    this.messages = messages;
    this.audit = audit;
  }

  @PostMapping(OFF)
  String turnOff(
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String code,
      @AuthenticationPrincipal PortalUserDetails me,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (secondFactors.required(me.role(), me.tenantId())) {
      // The page offers no such button: this is a hand-made request.
      throw new AccessDeniedException("two-step sign-in is required of this user");
    }
    if (!secondFactors.enrolled(me.id())) {
      return "redirect:" + TwoFactorController.PATH;
    }
    CurrentProof.Result checked = proof.check(me, password, code, request.getRemoteAddr());
    if (!checked.passed()) {
      checked.flash("off", redirect);
      return "redirect:" + TwoFactorController.PATH + "#two-factor-off";
    }
    secondFactors.reset(me.id());
    audit.record(
        AuditEntry.success(AuditAction.SECOND_FACTOR_DISABLED, me.getUsername())
            .tenant(me.tenantId(), me.tenantName()));
    // The session's principal no longer has a second factor either.
    signedIn.refresh(me.getUsername(), request, response);
    redirect.addFlashAttribute("turnedOff", true);
    return "redirect:" + TwoFactorController.PATH;
  }

  /** New recovery codes in place of all earlier ones, as a file to keep; shown nowhere else. */
  @PostMapping(DOWNLOAD)
  Object download(
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String code,
      @AuthenticationPrincipal PortalUserDetails me,
      HttpServletRequest request,
      Locale locale,
      RedirectAttributes redirect) {
    if (!secondFactors.enrolled(me.id())) {
      return "redirect:" + TwoFactorController.PATH;
    }
    CurrentProof.Result checked = proof.check(me, password, code, request.getRemoteAddr());
    if (!checked.passed()) {
      checked.flash("download", redirect);
      return "redirect:" + TwoFactorController.PATH + "#recovery-download";
    }
    List<String> codes = secondFactors.issueRecoveryCodes(me.id());
    audit.record(
        AuditEntry.success(AuditAction.RECOVERY_CODES_ISSUED, me.getUsername())
            .tenant(me.tenantId(), me.tenantName())
            .detail(AuditDetail.of("audit.detail.recoveryCodesDownloaded")));
    StringBuilder text = new StringBuilder();
    text.append(
            messages.getMessage("twofactor.file.heading", new Object[] {me.getUsername()}, locale))
        .append("\r\n\r\n");
    codes.forEach(c -> text.append(c).append("\r\n"));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename("recovery-codes-" + me.getUsername() + ".txt", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
