package com.smsportal.user;

import com.smsportal.user.throttle.LoginProtection;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The sign-in throttle's per-address limit for credentials that are not a user's password (the HTTP
 * API's keys, issue 25): their failures count on the same counter as failed sign-ins from that
 * address, so guessing keys and guessing passwords share one budget, on every node.
 */
@Service
public class ClientThrottle {

  private final LoginProtection protection;

  ClientThrottle(LoginProtection protection) {
    this.protection = protection;
  }

  /** Until when the address is slowed, if it is now: refuse without looking at the credential. */
  public Optional<Instant> slowedUntil(String clientIp) {
    return protection.clientSlowedUntil(clientIp);
  }

  /** Counts one failed credential from the address; until when it is now slowed, if it is. */
  public Optional<Instant> failed(String clientIp) {
    return protection.clientFailed(clientIp);
  }
}
