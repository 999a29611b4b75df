package com.smsportal.gatewayaccount.rotation;

import java.io.Serializable;

/**
 * The flash message of a rotation, read by the account page: which text to show ({@code
 * accounts.rotation.outcome.<outcome>}) and, for a refusal, the gateway's words and the key of
 * their explanation. Never a password.
 */
record RotationNotice(
    String outcome,
    boolean unanswered,
    String upstreamMessage,
    String errorKey,
    String errorArgument)
    implements Serializable {

  static RotationNotice of(RotationResult result) {
    return new RotationNotice(
        result.outcome().name(),
        result.unanswered(),
        result.upstreamMessage(),
        result.error() == null ? null : result.error().messageKey(),
        result.errorArgument());
  }

  /** The administrator's own new password was not acceptable; nothing was done. */
  static RotationNotice invalid(String reason) {
    return new RotationNotice(reason, false, null, null, "");
  }

  /** How prominently the page shows it. */
  public String level() {
    return switch (outcome) {
      case "ROTATED", "CONFIRMED_NEW", "CONFIRMED_OLD", "NOT_IN_DOUBT" -> "info";
      case "IN_DOUBT_NEITHER", "IN_DOUBT_UNVERIFIED", "IN_DOUBT_SETTLING" -> "warn";
      default -> "error";
    };
  }
}
