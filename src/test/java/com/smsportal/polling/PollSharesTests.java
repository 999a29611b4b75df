package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * How the due accounts of a round are shared out among the live pollers (issue 27): evenly, the
 * same on every node, a departed node's accounts to the others, and alone a node polls them all.
 */
class PollSharesTests {

  private static final List<Long> THIRTY = LongStream.rangeClosed(101, 130).boxed().toList();
  private static final Instant NOW = Instant.parse("2026-12-07T23:00:00Z");

  @Test
  void threeNodesTakeTenOfThirtyEachAndEveryNodeComputesTheSameOwners() {
    Map<Long, String> owners = PollShares.owners(THIRTY, List.of("node-a", "node-b", "node-c"));

    assertThat(owners).hasSize(30);
    assertThat(counts(owners))
        .containsOnly(Map.entry("node-a", 10L), Map.entry("node-b", 10L), Map.entry("node-c", 10L));
    // Another node sees the accounts and nodes in another order: the same owners.
    List<Long> shuffled = new ArrayList<>(THIRTY);
    Collections.shuffle(shuffled, new java.util.Random(27));
    assertThat(PollShares.owners(shuffled, List.of("node-c", "node-a", "node-b")))
        .isEqualTo(owners);
    // 31 accounts: no node more than its share, ceil(31 / 3) = 11.
    assertThat(
            counts(
                    PollShares.owners(
                        LongStream.rangeClosed(1, 31).boxed().toList(),
                        List.of("node-a", "node-b", "node-c")))
                .values())
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(11L));
  }

  @Test
  void aDepartedNodesAccountsGoToTheOthersWhoKeepMostOfTheirOwn() {
    Map<Long, String> three = PollShares.owners(THIRTY, List.of("node-a", "node-b", "node-c"));
    Map<Long, String> two = PollShares.owners(THIRTY, List.of("node-a", "node-b"));

    assertThat(counts(two)).containsOnly(Map.entry("node-a", 15L), Map.entry("node-b", 15L));
    long kept =
        THIRTY.stream()
            .filter(a -> !three.get(a).equals("node-c"))
            .filter(a -> three.get(a).equals(two.get(a)))
            .count();
    assertThat(kept)
        .as("of the 20 accounts of the nodes that stay, kept by the same node")
        .isGreaterThanOrEqualTo(15);
  }

  @Test
  void aNodePollsItsOwnDueAccountsAndThoseThatWaitedTooLongAndAloneItPollsAll() {
    List<GatewayAccountView> due = THIRTY.stream().map(PollSharesTests::account).toList();
    Set<String> pollers = Set.of("node-a", "node-b", "node-c");
    Map<Long, String> owners = PollShares.owners(THIRTY, pollers);
    long othersAccount =
        THIRTY.stream().filter(a -> !owners.get(a).equals("node-a")).findFirst().orElseThrow();
    // Due for a minute: its owner is dead and not yet seen dead, or too busy.
    Map<Long, PollerStates.State> known =
        Map.of(othersAccount, state(othersAccount, NOW.minus(Duration.ofMinutes(1))));

    List<Long> mine =
        PollShares.mine(due, THIRTY, known, pollers, "node-a", NOW.minus(Duration.ofSeconds(30)))
            .stream()
            .map(GatewayAccountView::id)
            .toList();

    assertThat(mine)
        .hasSize(11)
        .contains(othersAccount)
        .containsAll(THIRTY.stream().filter(a -> owners.get(a).equals("node-a")).toList());
    assertThat(PollShares.mine(due, THIRTY, known, Set.of("node-a"), "node-a", NOW)).isEqualTo(due);
  }

  private static Map<String, Long> counts(Map<Long, String> owners) {
    return owners.values().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static PollerStates.State state(long id, Instant next) {
    return new PollerStates.State(id, 1, null, null, null, null, 0, next, null, 0);
  }

  /** An account made a moment ago, never polled. */
  private static GatewayAccountView account(long id) {
    Instant created = NOW.minusSeconds(1);
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
