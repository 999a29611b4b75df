package com.smsportal.gatewayaccount.rotation;

/** How a rotation or a resolution of one ended, as the administrator is told. */
enum RotationOutcome {
  /** The gateway confirmed the change: the new password is the current one. */
  ROTATED,
  /** The gateway said no (or provably never got the request): the current password stays. */
  REFUSED,
  /**
   * Verified after an unclear answer: the gateway accepts the new password, which is now current.
   */
  CONFIRMED_NEW,
  /** Verified after an unclear answer: the gateway still accepts the old password; new dropped. */
  CONFIRMED_OLD,
  /** The gateway accepts neither password: still in doubt, a person must find out. */
  IN_DOUBT_NEITHER,
  /** Neither password could be checked (no usable answer): still in doubt, retried later. */
  IN_DOUBT_UNVERIFIED,
  /**
   * The gateway still accepts the old password, but the change was sent only a moment ago: it may
   * yet be applied late. Still in doubt until the settling time has passed and the old one still
   * works.
   */
  IN_DOUBT_SETTLING,
  /** Another rotation of the account is under way or in doubt: nothing was done. */
  BUSY,
  /**
   * The stored password does not belong to where the account points and must be entered again
   * before the gateway can be asked to change it: nothing was done.
   */
  PASSWORD_NEEDED,
  /** There was nothing to resolve: the account is not in doubt (any more). */
  NOT_IN_DOUBT
}
