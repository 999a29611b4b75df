package com.smsportal.gatewayaccount.rotation;

import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import java.util.Objects;

/**
 * What a rotation or resolution came to, with what the page shows of it; never a password.
 *
 * @param unanswered the change was sent but its answer was lost or unreadable, so it was verified
 * @param error for a refusal, what the gateway refused with; null otherwise
 * @param upstreamMessage for a refusal, the gateway's own words, if it gave any
 * @param errorArgument the argument of the error's translated explanation ("" if none)
 */
record RotationResult(
    RotationOutcome outcome,
    boolean unanswered,
    GatewayError error,
    String upstreamMessage,
    String errorArgument) {

  static RotationResult of(RotationOutcome outcome) {
    return new RotationResult(outcome, false, null, null, "");
  }

  static RotationResult refused(GatewayException e) {
    return new RotationResult(
        RotationOutcome.REFUSED,
        false,
        e.error(),
        e.upstreamMessage(),
        Objects.requireNonNullElse(e.messageArgument(), ""));
  }

  RotationResult afterLostAnswer() {
    return new RotationResult(outcome, true, error, upstreamMessage, errorArgument);
  }
}
