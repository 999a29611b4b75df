package com.smsportal.user.throttle;

import com.smsportal.user.throttle.LoginCounter.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps what login protection stores bounded: counters whose window has passed, and login attempts
 * older than {@code smsportal.security.login-records-kept}. Harmless if two nodes run it at once.
 */
@Component
class LoginRecordsCleanup {

  private static final Logger log = LoggerFactory.getLogger(LoginRecordsCleanup.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final OwnTransaction ownTransaction;
  private final LoginAttemptRepository attempts;
  private final LoginProtectionProperties limits;
  private final Clock clock;

  LoginRecordsCleanup(
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      LoginAttemptRepository attempts,
      LoginProtectionProperties limits,
      Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new OwnTransaction(transactions);
    this.attempts = attempts;
    this.limits = limits;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${smsportal.security.cleanup-every:PT1H}",
      initialDelayString = "${smsportal.security.cleanup-every:PT1H}")
  void cleanUp() {
    Instant now = clock.instant();
    Instant quietDay = now.minus(limits.failureWindow());
    int users = 0;
    for (Kind kind : List.of(Kind.USER_ADDRESS, Kind.USER, Kind.CODES, Kind.SIGN_IN)) {
      users += deleteQuiet(kind, quietDay, now);
    }
    users += deleteQuiet(Kind.KNOWN, now.minus(limits.knownAddressFor()), now);
    int addresses = deleteQuiet(Kind.CLIENT, now.minus(limits.clientWindow()), now);
    int old = attempts.deleteOlderThan(now.minus(limits.loginRecordsKept()));
    if (users + addresses + old > 0) {
      log.info(
          "Login records cleaned up: {} account counter(s), {} address counter(s), {} old"
              + " attempt(s)",
          users,
          addresses,
          old);
    }
  }

  /** Deletes the counters of a kind quiet since {@code quietSince} and not blocked now. */
  private int deleteQuiet(Kind kind, Instant quietSince, Instant now) {
    return ownTransaction.retried(
        () ->
            jdbc.update(
                "DELETE FROM login_counter WHERE kind = :kind AND last_at < :quiet"
                    + " AND (blocked_until IS NULL OR blocked_until <= :now)",
                new MapSqlParameterSource("kind", kind.name())
                    .addValue("quiet", quietSince.toEpochMilli())
                    .addValue("now", now.toEpochMilli())));
  }
}
