package com.smsportal.user.signin;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * A login the throttle slowed down, or one that needs its second factor next. {@link Reason} says
 * which; the login failure handler turns it into the right page.
 */
class SignInRefusedException extends AuthenticationException {

  @Serial private static final long serialVersionUID = 2L;

  enum Reason {
    /** Too many failures of this name or from this address: try again in a few seconds. */
    SLOWED,
    /** The right password: the code page is next. */
    SECOND_FACTOR_NEEDED
  }

  private final Reason reason;
  private final transient PendingSignIn pending;
  private final long waitSeconds;

  private SignInRefusedException(Reason reason, PendingSignIn pending, long waitSeconds) {
    super(reason.name());
    this.reason = reason;
    this.pending = pending;
    this.waitSeconds = waitSeconds;
  }

  static SignInRefusedException slowed(long waitSeconds) {
    return new SignInRefusedException(Reason.SLOWED, null, waitSeconds);
  }

  static SignInRefusedException secondFactorNeeded(PendingSignIn pending) {
    return new SignInRefusedException(Reason.SECOND_FACTOR_NEEDED, pending, 0);
  }

  Reason reason() {
    return reason;
  }

  PendingSignIn pending() {
    return pending;
  }

  /** How long to wait before the next attempt goes ahead (for {@link Reason#SLOWED}). */
  long waitSeconds() {
    return waitSeconds;
  }
}
