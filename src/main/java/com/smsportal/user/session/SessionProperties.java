package com.smsportal.user.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sign-in lasts ({@code smsportal.security.*}).
 *
 * @param sessionIdleTimeout a session unused this long ends
 * @param sessionLifetime a session ends this long after its sign-in, however busy
 * @param temporaryPasswordLifetime a one-time password from support stops working after this
 * @param secondFactorTimeout the time between the right password and its code
 * @param totpIssuer the name authenticator apps show above the code
 */
@ConfigurationProperties("smsportal.security")
public record SessionProperties(
    @DefaultValue("30m") Duration sessionIdleTimeout,
    @DefaultValue("12h") Duration sessionLifetime,
    @DefaultValue("72h") Duration temporaryPasswordLifetime,
    @DefaultValue("5m") Duration secondFactorTimeout,
    @DefaultValue("SMS Portal") String totpIssuer) {

  public SessionProperties {
    for (Duration d :
        new Duration[] {
          sessionIdleTimeout, sessionLifetime, temporaryPasswordLifetime, secondFactorTimeout
        }) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "smsportal.security.session-idle-timeout, session-lifetime,"
                + " temporary-password-lifetime and second-factor-timeout must be positive");
      }
    }
  }
}
