package com.smsportal.user.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.web.FilterInput;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the login records' filter reads its fields, and what it refuses. */
class LoginAttemptQueryTests {

  @Test
  void everyFieldIsReadAndTheTimesAreChinaStandardTime() {
    FilterInput input =
        input(
            Map.of(
                "username", " Acme ",
                "ip", "2001:DB8::1",
                "result", "failed",
                "from", "2026-12-01T08:00",
                "to", "2026-12-01T09:00"));
    LoginAttemptQuery query = LoginAttemptQuery.read(input);
    assertThat(input.valid()).isTrue();
    assertThat(query.username()).isEqualTo("acme");
    assertThat(query.clientIp()).isEqualTo("2001:db8::1");
    assertThat(query.outcomes()).isEqualTo(LoginAttemptQuery.FAILED);
    assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(query.until()).isEqualTo(Instant.parse("2026-12-01T01:01:00Z"));
    assertThat(query.narrowed()).isTrue();
  }

  @Test
  void oneOutcomeOrAllOfThem() {
    assertThat(LoginAttemptQuery.read(input(Map.of("result", "locked"))).outcomes())
        .isEqualTo(EnumSet.of(LoginOutcome.LOCKED));
    LoginAttemptQuery all = LoginAttemptQuery.read(input(Map.of("result", "all")));
    assertThat(all.outcomes()).isNull();
    assertThat(all.narrowed()).isFalse();
  }

  @Test
  void badInputIsReportedNextToItsField() {
    FilterInput input =
        input(
            Map.of(
                "ip",
                "not an address",
                "result",
                "everything",
                "from",
                "2026-12-01T09:00",
                "to",
                "2026-12-01T08:00",
                "username",
                "x".repeat(65)));
    LoginAttemptQuery.read(input);
    assertThat(input.errors())
        .containsEntry("ip", "logins.filter.error.ip")
        .containsEntry("result", "logins.filter.error.result")
        .containsEntry("to", "filter.error.range")
        .containsEntry("username", "filter.error.tooLong");
  }

  private static FilterInput input(Map<String, String> parameters) {
    return new FilterInput(parameters::get);
  }
}
