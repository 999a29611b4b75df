package com.smsportal.user;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * A login the throttle refused, or one that needs its second factor next. {@link Reason} says
 * which; the login failure handler turns it into the right page.
 */
class SignInRefusedException extends AuthenticationException {

  @Serial private static final long serialVersionUID = 1L;

  enum Reason {
    /** The client address made too many failed logins. */
    CLIENT_BLOCKED,
    /** The right password: the code page is next. */
    SECOND_FACTOR_NEEDED
  }

  private final Reason reason;
  private final PendingSignIn pending;

  private SignInRefusedException(Reason reason, PendingSignIn pending) {
    super(reason.name());
    this.reason = reason;
    this.pending = pending;
  }

  static SignInRefusedException clientBlocked() {
    return new SignInRefusedException(Reason.CLIENT_BLOCKED, null);
  }

  static SignInRefusedException secondFactorNeeded(PendingSignIn pending) {
    return new SignInRefusedException(Reason.SECOND_FACTOR_NEEDED, pending);
  }

  Reason reason() {
    return reason;
  }

  PendingSignIn pending() {
    return pending;
  }
}
