package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three nodes' poller schedules on one database (issue 27): three schedulers with node ids,
 * heartbeats and poll locks of their own in this test's JVM, as ClusterSendingIntegrationTests runs
 * a second node's send worker. Their polls are stand-ins that record who polled which account under
 * which lock (the gateway is not the point here). With 30 due accounts each node polls about a
 * third, never an account another node is polling; a node that dies leaves its accounts to the
 * others, a node that stops as well, and the last node polls them all.
 */
@DatabaseDependent("poll locks (ShedLock rows) and which nodes live, both by the database's clock")
@PortalWithWorkerTest
class PollSpreadIntegrationTests {

  private static final int ACCOUNTS = 30;

  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired PollerStates states;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  /** Each round as it began: which node polled which account, in which phase of the test. */
  private record Round(int phase, String node, long account) {}

  private final List<Round> rounds = new CopyOnWriteArrayList<>();
  private final Map<Long, String> polling = new ConcurrentHashMap<>();
  private final List<String> overlaps = new CopyOnWriteArrayList<>();
  private volatile int phase = 1;

  @Test
  void threeNodesPollAThirdEachNeverTheSameAccountAtOnceAndTheOthersTakeOverFromOneThatDies()
      throws Exception {
    Instant began = Instant.now();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Long> mine = accounts(run);
    List<Node> nodes = new ArrayList<>();
    ScheduledExecutorService ticks = Executors.newScheduledThreadPool(3);
    try (AutoCloseable parked = OthersParked.whileOpen(jdbc, mine)) {
      for (String name : List.of("a", "b", "c")) {
        nodes.add(node("spread-" + name + "-" + run));
      }
      // Every node beats and says it polls before any ticks: then each sees all three at once.
      for (Node node : nodes) {
        node.ticking =
            ticks.scheduleWithFixedDelay(node.scheduler::tick, 0, 100, TimeUnit.MILLISECONDS);
      }
      Node a = nodes.get(0);
      Node b = nodes.get(1);
      Node c = nodes.get(2);

      await().atMost(Duration.ofSeconds(20)).until(() -> each(1, mine, r -> true, 2));
      Map<String, Set<Long>> polled = polledBy(1);
      System.out.println("accounts polled by each node, 3 nodes: " + sizes(polled));
      assertThat(polled.keySet()).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
      assertThat(polled.values()).allSatisfy(set -> assertThat(set).hasSizeBetween(7, 13));

      // C dies: it stops beating (and polling); it never says so. The others see it dead after
      // dead-after (2 s here) and split its accounts (it released its locks after each round).
      Set<Long> ofC = polled.get(c.id());
      c.ticking.cancel(false);
      c.heartbeat.destroy();
      phase = 2;
      await()
          .atMost(Duration.ofSeconds(30)) // lock-at-most-for
          .until(() -> each(2, ofC, r -> !r.node().equals(c.id()), 1));
      Map<String, Set<Long>> after = polledBy(2);
      System.out.println("accounts polled by each node, C dead: " + sizes(after));
      assertThat(after.get(a.id())).as("A takes some of C's").containsAnyElementsOf(ofC);
      assertThat(after.get(b.id())).as("B takes some of C's").containsAnyElementsOf(ofC);

      // B stops (a deployment): it says so, and A polls every account from its next round on.
      b.ticking.cancel(false);
      b.scheduler.stop();
      phase = 3;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> each(3, mine, r -> r.node().equals(a.id()), 1));

      assertThat(overlaps).as("an account polled by two nodes at once").isEmpty();
      System.out.printf(
          "PollSpreadIntegrationTests: %d rounds, %.1f s%n",
          rounds.size(), Duration.between(began, Instant.now()).toMillis() / 1e3);
    } finally {
      ticks.shutdownNow();
      for (Node node : nodes) {
        node.scheduler.stop();
        node.heartbeat.destroy();
        node.locks.close();
        jdbc.update("delete from node_heartbeat where node_id = ?", node.id());
      }
      // Later portals with their schedule on need not poll them.
      for (long id : mine) {
        jdbc.update("update gateway_account set active = false where id = ?", id);
      }
    }
  }

  /** One node: its id, heartbeat, poll locks and schedule, whose polls are {@link #round}s. */
  private static final class Node {
    final String id;
    NodeHeartbeat heartbeat;
    PollLocks locks;
    PollScheduler scheduler;
    ScheduledFuture<?> ticking;

    Node(String id) {
      this.id = id;
    }

    String id() {
      return id;
    }
  }

  private Node node(String id) {
    NodeIdentity identity = NodeIdentity.named(id);
    Node node = new Node(id);
    node.heartbeat =
        new NodeHeartbeat(jdbc, identity, Duration.ofMillis(500), Duration.ofSeconds(2));
    node.heartbeat.afterPropertiesSet();
    node.locks = new PollLocks(dataSource, identity, PollLocks.SHORTEST);
    AccountPoller poller = mock(AccountPoller.class);
    when(poller.poll(any(), any())).thenAnswer(call -> round(id, call.getArgument(0)));
    CatchUp nothingToCatchUp = mock(CatchUp.class);
    when(nothingToCatchUp.beforePolling(any())).thenReturn(true);
    node.scheduler =
        new PollScheduler(
            accounts,
            tenants,
            poller,
            nothingToCatchUp,
            states,
            mock(PollerMetrics.class),
            node.locks.executor(),
            properties(),
            clock,
            identity,
            node.heartbeat);
    node.scheduler.start();
    return node;
  }

  /**
   * A round of a node: it must hold the account's lock in its own name, and no other node may be
   * polling the account; the account is due again a fifth of a second later, so that a short run
   * has many rounds.
   */
  private AccountPoller.Round round(String node, GatewayAccountView account) {
    String other = polling.putIfAbsent(account.id(), node);
    try {
      if (other != null) {
        overlaps.add(account.id() + " by " + node + " while " + other);
      }
      List<String> holder =
          jdbc.queryForList(
              "select locked_by from shedlock where name = ? and lock_until > CURRENT_TIMESTAMP(3)",
              String.class,
              PollLocks.name(account.id()));
      if (!holder.equals(List.of(node))) {
        overlaps.add(account.id() + " by " + node + " under the lock of " + holder);
      }
      rounds.add(new Round(phase, node, account.id()));
      Instant now = clock.instant();
      states.attempted(account.id(), account.tenantId(), now);
      states.succeeded(account.id(), now, now.plusMillis(200));
      return new AccountPoller.Round(0, 0, null);
    } finally {
      polling.remove(account.id(), node);
    }
  }

  /** Whether each of these accounts had {@code times} rounds in this phase that match. */
  private boolean each(int phase, Collection<Long> accounts, Predicate<Round> matching, int times) {
    Map<Long, Long> counts =
        rounds.stream()
            .filter(r -> r.phase() == phase && matching.test(r))
            .collect(Collectors.groupingBy(Round::account, Collectors.counting()));
    return accounts.stream().allMatch(id -> counts.getOrDefault(id, 0L) >= times);
  }

  private Map<String, Set<Long>> polledBy(int phase) {
    return rounds.stream()
        .filter(r -> r.phase() == phase)
        .collect(
            Collectors.groupingBy(
                Round::node, Collectors.mapping(Round::account, Collectors.toSet())));
  }

  private static Map<String, Integer> sizes(Map<String, Set<Long>> polled) {
    return polled.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  /** 30 accounts of a tenant of their own, due now (never polled). */
  private List<Long> accounts(String run) {
    long tenant = tenants.create("Spread " + run).id();
    long endpoint = TestEndpoints.of(endpoints, "http://127.0.0.1:1");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      String name = "spread-" + run + "-" + i;
      ids.add(
          TenantContext.callAs(
              tenant, () -> accounts.ensure(name, endpoint, GatewayCharset.UTF8, "1", name, "pw")));
    }
    return ids;
  }

  private static PollerProperties properties() {
    Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "smsportal-spread-unused");
    return new PollerProperties(
        true,
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        100,
        Duration.ofSeconds(1),
        1,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        PollLocks.SHORTEST,
        4,
        100,
        nowhere,
        nowhere,
        false,
        Duration.ofSeconds(4));
  }
}
