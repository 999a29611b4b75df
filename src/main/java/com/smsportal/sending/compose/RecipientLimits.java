package com.smsportal.sending.compose;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.sending.SendAllowance;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.store.NumberFlood;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The tenant's limits on a send's recipients, for the review before the confirmation: the numbers
 * per job, per day and queued at once ({@link SendAllowance}), and the flood limits per number
 * (issue 26), which hold back the numbers that reached one. {@code sending.store.JobStore} applies
 * both again when the job is stored.
 */
@Component
class RecipientLimits {

  private final Compose compose;
  private final NumberFlood flood;
  private final Clock clock;

  RecipientLimits(Compose compose, NumberFlood flood, Clock clock) {
    this.compose = compose;
    this.flood = flood;
    this.clock = clock;
  }

  void numberErrors(ComposeAnalysis analysis, FormErrors errors) {
    if (analysis.validCount() == 0) {
      errors.add("mobiles", SendRefusal.NO_VALID_NUMBER.messageKey(), null);
      return;
    }
    if (analysis.sendCount() == 0) {
      errors.add("mobiles", SendRefusal.ALL_OPTED_OUT.messageKey(), null);
      return;
    }
    SendAllowance allowance = compose.allowance();
    if (allowance == null) {
      return;
    }
    int count = analysis.sendCount();
    if (count > allowance.perJob()) {
      errors.add("mobiles", SendRefusal.TOO_MANY_FOR_JOB.messageKey(), allowance.perJob());
    } else if (count > allowance.leftToday()) {
      errors.add("mobiles", SendRefusal.DAILY_LIMIT.messageKey(), allowance.perDay());
    } else if (count > allowance.leftToQueue()) {
      errors.add("mobiles", SendRefusal.QUEUE_LIMIT.messageKey(), allowance.queuedAtOnce());
    }
  }

  /** How many recipients the job would hold back at their flood limit; all of them: refused. */
  Set<String> limited(
      Optional<GatewayAccountView> account,
      List<String> recipients,
      Instant sendTime,
      String field,
      FormErrors errors) {
    if (account.isEmpty() || recipients.isEmpty()) {
      return Set.of();
    }
    Instant due = sendTime == null ? clock.instant() : sendTime;
    Set<String> limited = flood.reachedNow(account.get().tenantId(), recipients, due);
    if (limited.size() == recipients.size()) {
      errors.add(field, SendRefusal.ALL_LIMITED.messageKey(), null);
    }
    return limited;
  }
}
