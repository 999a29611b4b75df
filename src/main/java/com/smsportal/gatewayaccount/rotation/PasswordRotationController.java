package com.smsportal.gatewayaccount.rotation;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' rotation of a gateway account's password (ADMIN only, see SecurityConfig).
 * Each action ends on the account's page with a message saying what happened; a generated password
 * is never shown, the portal being its only holder.
 */
@Controller
@RequestMapping("/admin/accounts/{id}")
class PasswordRotationController {

  static final String NOTICE = "rotation";

  private final GatewayAccounts accounts;
  private final PasswordRotation rotation;

  PasswordRotationController(GatewayAccounts accounts, PasswordRotation rotation) {
    this.accounts = accounts;
    this.rotation = rotation;
  }

  /** Rotates to the password typed twice or, with both fields empty, to a generated one. */
  @PostMapping("/rotate-password")
  String rotate(
      @PathVariable long id,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String repeat,
      RedirectAttributes redirect) {
    requireAccount(id);
    boolean generate = isEmpty(newPassword) && isEmpty(repeat);
    RotationNotice notice;
    if (!generate && !newPassword.equals(repeat)) {
      notice = RotationNotice.invalid("MISMATCH");
    } else if (!generate && !GatewayPasswords.acceptable(newPassword)) {
      notice = RotationNotice.invalid("INVALID");
    } else {
      notice =
          RotationNotice.of(
              rotation
                  .rotate(id, generate ? null : newPassword)
                  .orElseThrow(NotFoundException::new));
    }
    redirect.addFlashAttribute(NOTICE, notice);
    return "redirect:/accounts/" + id + "#rotation";
  }

  /** Checks again which password of a rotation in doubt the gateway accepts. */
  @PostMapping("/resolve-rotation")
  String resolve(@PathVariable long id, RedirectAttributes redirect) {
    requireAccount(id);
    redirect.addFlashAttribute(NOTICE, RotationNotice.of(rotation.resolve(id)));
    return "redirect:/accounts/" + id + "#rotation";
  }

  private void requireAccount(long id) {
    accounts.find(id).orElseThrow(NotFoundException::new);
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
