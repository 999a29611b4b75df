package com.smsportal.user.throttle;

import com.smsportal.user.throttle.LoginCounter.Kind;
import com.smsportal.web.KeysetList;
import com.smsportal.web.PageCursor;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What login protection records, as people are shown it: the admins' login page (attempts, the
 * names locked and the addresses slowed now, never a typed password) with the locks they lift, and
 * a user's notice of the failures on their account since their previous sign-in.
 */
@Service
public class LoginRecords {

  public record Attempt(
      long id, String username, LoginOutcome outcome, String clientIp, Instant attemptedAt)
      implements KeysetList.Row {

    /** Where a newest-first page that ends on this attempt stops. */
    @Override
    public PageCursor cursor() {
      return new PageCursor(attemptedAt, id);
    }

    static Attempt of(LoginAttempt attempt) {
      return new Attempt(
          attempt.getId(),
          attempt.getUsername(),
          attempt.getOutcome(),
          attempt.getClientIp(),
          attempt.getAttemptedAt());
    }
  }

  /**
   * A user name locked on one address ({@code client}), or whose second-factor codes are locked
   * ({@code client} null).
   */
  public record Lock(String username, String client, Instant lockedUntil) {}

  /** A client address blocked for too many failed logins. */
  public record Block(String client, int failedCount, Instant blockedUntil) {}

  /** Failed attempts on a user's account between their previous sign-in and this one. */
  public record FailuresSince(int count, Instant lastAt, String lastFrom) implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    /** The session attribute the notice waits in until the user dismisses it. */
    public static final String ATTRIBUTE = FailuresSince.class.getName();
  }

  /** A counter blocked now, as the page shows it. */
  private record Blocked(
      Kind kind, String username, String client, int attempts, Instant blockedUntil) {}

  private final LoginAttemptRepository attempts;
  private final LoginCounters counters;
  private final NamedParameterJdbcTemplate jdbc;
  private final OwnTransaction ownTransaction;
  private final Clock clock;

  LoginRecords(
      LoginAttemptRepository attempts,
      LoginCounters counters,
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.attempts = attempts;
    this.counters = counters;
    this.jdbc = jdbc;
    this.ownTransaction = new OwnTransaction(transactions);
    this.clock = clock;
  }

  /**
   * The failed attempts on the user's account after their sign-in before the latest (the one just
   * recorded), if any: what the page after a sign-in tells them.
   */
  public Optional<FailuresSince> failuresBeforeLatestSignIn(String username) {
    List<LoginAttempt> successes =
        attempts.findByUsernameAndOutcomeOrderByIdDesc(username, LoginOutcome.SUCCESS, Limit.of(2));
    if (successes.isEmpty()) {
      return Optional.empty();
    }
    long after = successes.size() > 1 ? successes.get(1).getId() : 0L;
    long before = successes.get(0).getId();
    List<LoginOutcome> failed =
        List.of(LoginOutcome.BAD_CREDENTIALS, LoginOutcome.LOCKED, LoginOutcome.BAD_CODE);
    long count = attempts.countFailuresBetween(username, failed, after, before);
    if (count == 0) {
      return Optional.empty();
    }
    LoginAttempt last =
        attempts.findFailuresBetween(username, failed, after, before, Limit.of(1)).get(0);
    return Optional.of(new FailuresSince((int) count, last.getAttemptedAt(), last.getClientIp()));
  }

  /**
   * Each user's latest successful sign-in, as far as the login records still reach back (they are
   * cleaned up after a while): a user name missing from the answer has none on record.
   */
  public Map<String, Instant> lastSignIns(Collection<String> usernames) {
    Map<String, Instant> last = new HashMap<>();
    if (usernames.isEmpty()) {
      return last;
    }
    jdbc.query(
        "SELECT username, MAX(attempted_at) AS last_at FROM login_attempt"
            + " WHERE outcome = :outcome AND username IN (:usernames) GROUP BY username",
        new MapSqlParameterSource("outcome", LoginOutcome.SUCCESS.name())
            .addValue("usernames", usernames),
        row -> {
          last.put(
              row.getString("username"),
              row.getObject("last_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
        });
    return last;
  }

  /** Lifts every lock and slowdown of the user name (an administrator's decision). */
  void unlock(String username) {
    List<String> kinds = List.of(Kind.USER_ADDRESS.name(), Kind.USER.name(), Kind.CODES.name());
    ownTransaction.retried(
        () ->
            jdbc.update(
                "DELETE FROM login_counter WHERE username = :username AND kind IN (:kinds)",
                new MapSqlParameterSource("username", username).addValue("kinds", kinds)));
  }

  /** Lifts the slowdown of an address (its key as {@link #blockedNow()} shows it). */
  public void unblock(String client) {
    counters.clear(LoginCounter.of(Kind.CLIENT, null, client, client));
  }

  /** User names locked now on some address, or whose codes are locked. */
  List<Lock> lockedNow() {
    return blocked(List.of(Kind.USER_ADDRESS, Kind.CODES)).stream()
        .filter(row -> row.username() != null)
        .map(
            row ->
                new Lock(
                    row.username(),
                    row.kind() == Kind.CODES ? null : row.client(),
                    row.blockedUntil()))
        .toList();
  }

  /** Addresses slowed now. */
  List<Block> blockedNow() {
    return blocked(List.of(Kind.CLIENT)).stream()
        .map(row -> new Block(row.client(), row.attempts(), row.blockedUntil()))
        .toList();
  }

  /** Counters of these kinds blocked now, the latest block first. */
  private List<Blocked> blocked(List<Kind> kinds) {
    return jdbc.query(
        "SELECT kind, username, client, attempts, blocked_until FROM login_counter"
            + " WHERE kind IN (:kinds) AND blocked_until > :now ORDER BY blocked_until DESC",
        new MapSqlParameterSource("kinds", kinds.stream().map(Kind::name).toList())
            .addValue("now", clock.instant().toEpochMilli()),
        (rs, n) ->
            new Blocked(
                Kind.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                Instant.ofEpochMilli(rs.getLong(5))));
  }
}
