package com.smsportal.polling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The poller's health as metrics: items fetched per queue, errors per account, seconds since each
 * account's last successful round, answers not processed yet, answers needing an administrator, and
 * files in the spool.
 */
@Component
class PollerMetrics {

  private final MeterRegistry registry;
  private final PollerStates states;
  private final Clock clock;
  private final MultiGauge sinceSuccess;

  PollerMetrics(
      MeterRegistry registry, RawInbox inbox, Spool spool, PollerStates states, Clock clock) {
    this.registry = registry;
    this.states = states;
    this.clock = clock;
    Gauge.builder("smsportal.poller.backlog", inbox, i -> sum(i.backlog().values()))
        .description("Stored answers whose items are not stored yet")
        .register(registry);
    Gauge.builder("smsportal.poller.attention", inbox, i -> sum(i.needingAttention().values()))
        .description("Stored answers an administrator must look at")
        .register(registry);
    Gauge.builder("smsportal.poller.spool.files", spool, Spool::size)
        .description("Answers waiting on disk for the database")
        .register(registry);
    this.sinceSuccess =
        MultiGauge.builder("smsportal.poller.since.success")
            .description("Seconds since the account's last successful round")
            .baseUnit("seconds")
            .register(registry);
  }

  void fetched(InboxKind kind, int items) {
    Counter.builder("smsportal.poller.items")
        .description("Reports and replies fetched from the gateway")
        .tag("kind", kind.name().toLowerCase())
        .register(registry)
        .increment(items);
  }

  /** Items stored from answers that were cut off on their way ({@link AnswerRecovery}). */
  void recovered(InboxKind kind, int items) {
    Counter.builder("smsportal.poller.recovered")
        .description("Reports and replies recovered from answers cut off on their way")
        .tag("kind", kind.name().toLowerCase())
        .register(registry)
        .increment(items);
  }

  void failed(long accountId) {
    Counter.builder("smsportal.poller.errors")
        .description("Failed polling rounds")
        .tag("account", Long.toString(accountId))
        .register(registry)
        .increment();
  }

  /** Refreshes the per-account gauges (each schedule round). */
  void refresh() {
    refresh(states.all());
  }

  /** The same from the poller states just read (the tick's own read: no second query, issue 27). */
  void refresh(java.util.Map<Long, PollerStates.State> known) {
    var now = clock.instant();
    List<MultiGauge.Row<?>> rows =
        known.values().stream()
            .filter(s -> s.lastSuccessAt() != null)
            .<MultiGauge.Row<?>>map(
                s ->
                    MultiGauge.Row.of(
                        Tags.of("account", Long.toString(s.accountId())),
                        Duration.between(s.lastSuccessAt(), now).toSeconds()))
            .toList();
    sinceSuccess.register(rows, true);
  }

  private static double sum(java.util.Collection<Long> counts) {
    return counts.stream().mapToLong(Long::longValue).sum();
  }
}
