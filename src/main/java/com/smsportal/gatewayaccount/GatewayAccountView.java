package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayCharset;
import java.time.Instant;

/**
 * What pages and other modules may know of a gateway account: everything but the password.
 *
 * @param endpointName the name of the gateway endpoint it uses (its address is for staff only)
 * @param rotationState while not {@link RotationState#NONE}, the account must not be used (its
 *     {@link GatewayAccess#call calls} are refused)
 * @param rotationStartedAt when the rotation under way or in doubt began; null otherwise
 * @param passwordRotatedAt when the password was last rotated successfully; null if never
 * @param verified whether the gateway has accepted the account's password for its identity; an
 *     unverified account neither sends nor is polled (see {@link #usable()})
 */
public record GatewayAccountView(
    long id,
    long tenantId,
    String name,
    long endpointId,
    String endpointName,
    GatewayCharset charset,
    String userid,
    String account,
    int chunkSize,
    boolean extnoSupported,
    boolean active,
    Long lowBalanceThreshold,
    Instant createdAt,
    Instant updatedAt,
    RotationState rotationState,
    Instant rotationStartedAt,
    Instant passwordRotatedAt,
    boolean verified) {

  /** Whether sends and the poller may use it: active, and its password accepted by the gateway. */
  public boolean usable() {
    return active && verified;
  }

  /** Whether sends and pollers must wait for a password rotation to be resolved. */
  public boolean waitsForRotation() {
    return !rotationState.settled();
  }
}
