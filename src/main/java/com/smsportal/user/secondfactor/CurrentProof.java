package com.smsportal.user.secondfactor;

import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.throttle.CodeProtection;
import com.smsportal.user.throttle.LoginProtection;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Proof that the person at a signed-in session is its user, before they weaken or replace their
 * second factor: the current password (inside the login throttle, {@link
 * LoginProtection#currentPassword}) and then a current code, TOTP or recovery code (inside the
 * codes' throttle, {@link CodeProtection}; either is used up). The code is only looked at after the
 * right password, so a wrong password uses up no code.
 */
@Component
class CurrentProof {

  /** What was wrong, as message keys for the form's two fields; both null when it passed. */
  record Result(String passwordError, Object passwordErrorArg, String codeError) {

    static final Result PASSED = new Result(null, null, null);

    boolean passed() {
      return passwordError == null && codeError == null;
    }

    /** The reasons, for the page the refusal redirects to ({@code <form>PasswordError}, …). */
    void flash(String form, RedirectAttributes redirect) {
      if (passwordError != null) {
        redirect.addFlashAttribute(form + "PasswordError", passwordError);
      }
      if (passwordErrorArg != null) {
        redirect.addFlashAttribute(form + "PasswordErrorArg", passwordErrorArg);
      }
      if (codeError != null) {
        redirect.addFlashAttribute(form + "CodeError", codeError);
      }
    }
  }

  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final LoginProtection passwords;
  private final CodeProtection codes;
  private final SecondFactors secondFactors;

  CurrentProof(
      PortalUserRepository users,
      PasswordEncoder encoder,
      LoginProtection passwords,
      CodeProtection codes,
      SecondFactors secondFactors) {
    this.users = users;
    this.encoder = encoder;
    this.passwords = passwords;
    this.codes = codes;
    this.secondFactors = secondFactors;
  }

  Result check(PortalUserDetails me, String password, String code, String clientIp) {
    String missingCode = code.isBlank() ? "twofactor.error.codeMissing" : null;
    if (password.isEmpty()) {
      return new Result("password.error.current", null, missingCode);
    }
    String hash = users.findById(me.id()).orElseThrow().getPasswordHash();
    LoginProtection.Checked current =
        passwords.currentPassword(
            me.getUsername(), clientIp, () -> encoder.matches(password, hash));
    if (!current.right()) {
      return new Result(current.messageKey(), current.messageArgument(), missingCode);
    }
    if (missingCode != null) {
      return new Result(null, null, missingCode);
    }
    CodeProtection.CodeTicket ticket = codes.codeAttempt(me.getUsername(), null);
    if (ticket.refused()) {
      return new Result(null, null, "twofactor.error.codesLocked");
    }
    if (secondFactors.verify(me.id(), code).passed()) {
      codes.codeRight(ticket);
      return Result.PASSED;
    }
    codes.codeFailed(ticket, clientIp);
    return new Result(null, null, "twofactor.error.currentCode");
  }
}
