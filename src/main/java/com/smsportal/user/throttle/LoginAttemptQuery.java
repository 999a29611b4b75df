package com.smsportal.user.throttle;

import com.smsportal.user.account.Usernames;
import com.smsportal.web.FilterInput;
import com.smsportal.web.NewestFirstSearch;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The login records' filter once read: user name, client address, result and a time range [from,
 * until), every field optional.
 *
 * @param outcomes the results asked for; null for all
 */
record LoginAttemptQuery(
    String username,
    String clientIp,
    String result,
    Set<LoginOutcome> outcomes,
    Instant from,
    Instant until)
    implements NewestFirstSearch.Filter {

  static final int USERNAME_MAX = 64;
  static final int IP_MAX = 45;

  /** IPv4 or IPv6 as the login records keep it: digits, hex letters, dots and colons. */
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  /** Every failure to sign in: a wrong password or code, a lock, a disabled or expired login. */
  static final Set<LoginOutcome> FAILED =
      EnumSet.of(
          LoginOutcome.BAD_CREDENTIALS,
          LoginOutcome.BAD_CODE,
          LoginOutcome.LOCKED,
          LoginOutcome.DISABLED,
          LoginOutcome.EXPIRED);

  /**
   * Reads the page's parameters ({@code username}, {@code ip}, {@code result}: {@code all}, {@code
   * failed} or one outcome, {@code from}, {@code to}); what cannot be read is reported to {@code
   * input}, and the query must then not run.
   */
  static LoginAttemptQuery read(FilterInput input) {
    String name = input.text("username", USERNAME_MAX);
    String ip = input.text("ip", IP_MAX);
    if (ip != null && !IP.matcher(ip).matches()) {
      ip = input.reject("ip", "logins.filter.error.ip");
    }
    String result = input.parameter("result");
    String chosen = result == null || result.isBlank() ? "all" : result.strip();
    Set<LoginOutcome> outcomes = outcomes(chosen);
    if (outcomes == null && !"all".equalsIgnoreCase(chosen)) {
      input.reject("result", "logins.filter.error.result");
      chosen = "all";
    }
    FilterInput.Range time = input.range("from", "to");
    return new LoginAttemptQuery(
        name == null ? null : Usernames.normalize(name),
        ip == null ? null : ip.toLowerCase(Locale.ROOT),
        chosen.toUpperCase(Locale.ROOT),
        outcomes,
        time.from(),
        time.until());
  }

  /** Whether any field narrows the list (the empty state then says that nothing matches). */
  boolean narrowed() {
    return username != null
        || clientIp != null
        || outcomes != null
        || from != null
        || until != null;
  }

  /** The outcomes of a result choice; null for all, or for a choice that is none. */
  private static Set<LoginOutcome> outcomes(String chosen) {
    if ("failed".equalsIgnoreCase(chosen)) {
      return FAILED;
    }
    for (LoginOutcome outcome : LoginOutcome.values()) {
      if (outcome.name().equalsIgnoreCase(chosen)) {
        return EnumSet.of(outcome);
      }
    }
    return null;
  }
}
