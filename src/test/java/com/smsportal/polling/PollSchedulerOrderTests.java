package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The order in which a node offers due accounts to its poller pool (issue 21): the account due
 * longest first, whatever the node; the node's rotation only among accounts due in the same step of
 * {@code every}, so that the nodes of a cluster still start at different accounts.
 */
class PollSchedulerOrderTests {

  private static final Duration EVERY = Duration.ofSeconds(10);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T01:00:05.000Z"), ZoneOffset.UTC);
  private static final List<String> NODES =
      LongStream.range(0, 50).mapToObj(n -> "node-" + n).toList();

  private final Map<Long, PollerStates.State> known = new HashMap<>();

  @Test
  void theAccountDueLongestComesFirstWhateverTheNodesRotation() {
    Instant now = CLOCK.instant();
    // 30 accounts that failed a moment ago and are due again now (as unreachable gateways are),
    // and one that has been due for a minute, waiting for a free thread.
    List<GatewayAccountView> due =
        LongStream.rangeClosed(1, 30).mapToObj(PollSchedulerOrderTests::account).toList();
    due.forEach(a -> dueAt(a.id(), now.minusMillis(a.id())));
    long waiting = 17;
    dueAt(waiting, now.minus(Duration.ofMinutes(1)));

    for (String node : NODES) {
      assertThat(sorted(due, node).get(0).id()).as(node).isEqualTo(waiting);
    }
  }

  @Test
  void anAccountNeverPolledComesBeforeThoseThatWereAndAnEarlierStepBeforeALaterOne() {
    Instant now = CLOCK.instant();
    List<GatewayAccountView> due =
        LongStream.rangeClosed(1, 6).mapToObj(PollSchedulerOrderTests::account).toList();
    dueAt(1, now);
    dueAt(2, now.minus(EVERY));
    dueAt(3, now.minus(EVERY.multipliedBy(5)));
    // 4: never polled
    dueAt(5, now.minus(EVERY.multipliedBy(3)));
    known.put(6L, state(6, null)); // polled, no next time recorded: due now, like a new one

    for (String node : NODES) {
      List<Long> order = sorted(due, node).stream().map(GatewayAccountView::id).toList();
      assertThat(order.subList(0, 2)).as(node).containsExactlyInAnyOrder(4L, 6L);
      assertThat(order.subList(2, 6)).as(node).containsExactly(3L, 5L, 2L, 1L);
    }
  }

  @Test
  void accountsDueInTheSameStepKeepEachNodesRotation() {
    Instant now = CLOCK.instant();
    List<GatewayAccountView> due =
        LongStream.rangeClosed(1, 20).mapToObj(PollSchedulerOrderTests::account).toList();
    // Due at different moments, all within one step of every.
    Instant step =
        Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), EVERY.toMillis()) * 10_000);
    due.forEach(a -> dueAt(a.id(), step.plusMillis(a.id() * 400)));

    Set<Long> firsts = new HashSet<>();
    for (String node : NODES) {
      List<GatewayAccountView> order = sorted(due, node);
      int rotation = node.hashCode();
      assertThat(order)
          .as("%s tries them in its own order, not by due time", node)
          .isSortedAccordingTo(Comparator.comparingInt(a -> PollScheduler.mix(a.id(), rotation)));
      firsts.add(order.get(0).id());
    }
    assertThat(firsts).as("nodes start at different accounts").hasSizeGreaterThan(5);
  }

  private List<GatewayAccountView> sorted(List<GatewayAccountView> due, String node) {
    return due.stream().sorted(PollScheduler.dueOrder(known, node, EVERY)).toList();
  }

  private void dueAt(long id, Instant next) {
    known.put(id, state(id, next));
  }

  private static PollerStates.State state(long id, Instant next) {
    Instant last = next == null ? CLOCK.instant() : next.minus(EVERY);
    return new PollerStates.State(id, 1, last, last, null, null, 0, next, null, 0);
  }

  private static GatewayAccountView account(long id) {
    Instant created = CLOCK.instant().minus(Duration.ofDays(1));
    return new GatewayAccountView(
        id,
        1,
        "account " + id,
        1,
        "gateway",
        GatewayCharset.UTF8,
        "1",
        "acc" + id,
        100,
        false,
        true,
        null,
        created,
        created,
        RotationState.NONE,
        null,
        null,
        true);
  }
}
