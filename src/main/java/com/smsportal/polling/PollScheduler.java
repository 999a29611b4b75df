package com.smsportal.polling;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.node.IdleBackoff;
import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The poller's schedule. Each round first catches up ({@link CatchUp}: the database answers, the
 * spool is replayed, answers cut off by a death recovered, the backlog processed); then this node's
 * share of the due accounts of active tenants ({@link #share}) is polled on a small pool, under the
 * account's ShedLock lock so that one node polls it at a time.
 *
 * <p>An idle schedule looks less often ({@link IdleBackoff}): after each round that offered no
 * account the wait doubles from {@code tick} up to {@code idle-tick}, never past the next poll of
 * an account this node has polled; a round that offers one (or finds the database away or answers
 * in the spool) keeps the next at the next tick.
 *
 * <p>On shutdown no new call to the gateway starts, and the calls under way finish and store their
 * answers before the database goes.
 */
@Component
class PollScheduler implements SmartLifecycle, SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final AccountPoller poller;
  private final CatchUp catchUp;
  private final PollerStates states;
  private final PollerMetrics metrics;
  private final LockingTaskExecutor locks;
  private final PollerProperties properties;
  private final Clock clock;
  private final NodeIdentity node;
  private final NodeHeartbeat heartbeat;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  // The accounts this node has offered to its pool: an idle round waits no longer than their next
  // poll (the others are other nodes' share; the longest wait covers them).
  private final Set<Long> offered = ConcurrentHashMap.newKeySet();
  private final IdleBackoff pace;
  private volatile ExecutorService pool;
  private volatile boolean stopping;

  PollScheduler(
      GatewayAccounts accounts,
      TenantService tenants,
      AccountPoller poller,
      CatchUp catchUp,
      PollerStates states,
      PollerMetrics metrics,
      LockingTaskExecutor locks,
      PollerProperties properties,
      Clock clock,
      NodeIdentity node,
      NodeHeartbeat heartbeat) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.poller = poller;
    this.catchUp = catchUp;
    this.states = states;
    this.metrics = metrics;
    this.locks = locks;
    this.properties = properties;
    this.clock = clock;
    this.node = node;
    this.heartbeat = heartbeat;
    this.pace = new IdleBackoff(properties.tick(), properties.idleTick());
  }

  /** A round every {@code tick} after the last one ended, the first one a tick after the start. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::tick, properties.tick(), properties.tick()));
  }

  void tick() {
    ExecutorService pool = this.pool; // stop() may clear it while this round runs
    if (!properties.enabled() || stopping || pool == null || !pace.due()) {
      return;
    }
    try {
      if (!recover()) {
        pace.ranBusy(); // the database away or answers in the spool: try again at the next tick
        return;
      }
      // One read of the poller states per tick, for the share and the gauges (issue 27).
      Map<Long, PollerStates.State> known = states.all();
      int started = 0;
      for (GatewayAccountView account : share(known)) {
        if (inFlight.add(account.id())) {
          try {
            pool.execute(
                () -> {
                  try {
                    pollLocked(account);
                  } finally {
                    inFlight.remove(account.id());
                  }
                });
            offered.add(account.id());
            started++;
          } catch (RejectedExecutionException rejected) {
            // Every thread busy and the queue full: the account stays due, for the next tick.
            inFlight.remove(account.id());
          }
        }
      }
      metrics.refresh(known);
      paceAfter(started > 0 || !inFlight.isEmpty(), known);
    } catch (RuntimeException e) {
      // The next round tries again; nothing fetched is lost by a failed round.
      pace.ranBusy();
      log.warn("A polling round failed", e);
    }
  }

  /** The next round: at the next tick while polling, else after the idle wait or the next poll. */
  private void paceAfter(boolean busy, Map<Long, PollerStates.State> known) {
    if (busy) {
      pace.ranBusy();
      return;
    }
    Instant now = clock.instant();
    Instant next = null;
    for (long id : offered) {
      PollerStates.State state = known.get(id);
      Instant at = state == null ? null : state.nextPollAt();
      if (at != null && at.isAfter(now) && (next == null || at.isBefore(next))) {
        next = at;
      }
    }
    if (next == null) {
      pace.ranIdle();
    } else {
      pace.ranIdle(Duration.between(now, next));
    }
  }

  /**
   * What must happen before any fetch ({@link CatchUp}): the database answers, the spool is empty,
   * the backlog is processed. Returns whether polling may go on.
   */
  boolean recover() {
    return catchUp.beforePolling(inFlight::contains);
  }

  /**
   * This node's share of the due accounts (issue 27), the account due longest first (see {@link
   * #dueOrder}), of active tenants. The pool takes them in this order, and those that find every
   * thread busy and the queue full stay due: at the next tick they are still ahead of the accounts
   * that came due after them, so no account waits behind newer ones tick after tick.
   *
   * <p>The share: {@link PollShares} splits the usable accounts due within one {@code every} (each
   * account polled on schedule is, so the split stays put from tick to tick) among the live nodes
   * that poll (by their heartbeat, this node always among them), at most {@code ceil(accounts /
   * pollers)} each; three nodes and 30 accounts poll 10 each, and a node that stops (its poller
   * says so) or dies (its heartbeat stops: {@code dead-after}) has no share from then on: the
   * others split it. Also every due account that has waited longer than {@code lock-at-most-for},
   * whoever its owner: the time a dead node's lock outlives it is the longest an account waits for
   * a node that does not poll it (dead but not yet seen dead, or too busy). An inactive tenant's
   * account counts in the split and is skipped. Alone, a node polls every due account, as before.
   */
  List<GatewayAccountView> share(Map<Long, PollerStates.State> known) {
    Instant now = clock.instant();
    // Not an account whose password the gateway has not accepted: it may name someone else's.
    List<GatewayAccountView> usable =
        TenantContext.callAs(TenantContext.ALL_TENANTS, accounts::list).stream()
            .filter(GatewayAccountView::usable)
            .toList();
    List<GatewayAccountView> due =
        usable.stream()
            .filter(a -> dueBy(known.get(a.id()), now))
            .sorted(dueOrder(known, node.id(), properties.every()))
            .toList();
    if (due.isEmpty()) {
      return due; // no query of the heartbeats while idle
    }
    Set<String> pollers = new HashSet<>(heartbeat.livePollers());
    pollers.add(node.id());
    Instant horizon = now.plus(properties.every());
    List<Long> scheduled =
        usable.stream().filter(a -> dueBy(known.get(a.id()), horizon)).map(a -> a.id()).toList();
    Instant orphanedBefore = now.minus(properties.lockAtMostFor());
    Map<Long, Boolean> active = new HashMap<>(); // one query per tenant, of this node's share only
    return PollShares.mine(due, scheduled, known, pollers, node.id(), orphanedBefore).stream()
        .filter(a -> active.computeIfAbsent(a.tenantId(), tenants::isActive))
        .toList();
  }

  private static boolean dueBy(PollerStates.State state, Instant when) {
    return state == null || state.nextPollAt() == null || !state.nextPollAt().isAfter(when);
  }

  /**
   * The order in which a node offers due accounts to its pool: by how long each has been due, in
   * steps of {@code every} (its next round's time divided by {@code every}; an account never polled
   * before all others), and within a step in this node's own order: every node tries the accounts
   * starting at a different place (a rotation by a hash of the node id), so that nodes ticking at
   * the same moment mostly lock different accounts and the polling spreads over the nodes. Which
   * node polls an account never matters for the reports (each is stored once, under the account's
   * lock): the rotation only spreads the work, and never puts an account behind one that came due a
   * step later (an account that failed, or whose round was cut short, since then).
   */
  static Comparator<GatewayAccountView> dueOrder(
      Map<Long, PollerStates.State> known, String nodeId, Duration every) {
    long step = Math.max(1, every.toMillis());
    int rotation = nodeId.hashCode();
    return Comparator.<GatewayAccountView>comparingLong(
            a -> {
              PollerStates.State state = known.get(a.id());
              return state == null || state.nextPollAt() == null
                  ? Long.MIN_VALUE
                  : Math.floorDiv(state.nextPollAt().toEpochMilli(), step);
            })
        .thenComparingInt(a -> mix(a.id(), rotation));
  }

  /** A node's place for an account: the same per node and account, scattered across nodes. */
  static int mix(long accountId, int rotation) {
    long h = (accountId + rotation) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Polls one account now under its lock; empty if another node holds it. For tests and pages. */
  Optional<AccountPoller.Round> pollNow(long accountId) {
    return TenantContext.callAs(TenantContext.ALL_TENANTS, () -> accounts.find(accountId))
        .flatMap(this::pollLocked);
  }

  private Optional<AccountPoller.Round> pollLocked(GatewayAccountView account) {
    LockConfiguration lock =
        new LockConfiguration(
            ClockProvider.now(),
            PollLocks.name(account.id()),
            properties.lockAtMostFor(),
            Duration.ZERO);
    try {
      LockingTaskExecutor.TaskResult<AccountPoller.Round> result =
          locks.executeWithLock(() -> poller.poll(account, () -> stopping), lock);
      return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
    } catch (Throwable e) {
      log.warn("Polling account {} failed", account.id(), e);
      return Optional.empty();
    }
  }

  @Override
  public void start() {
    stopping = false;
    announce(properties.enabled());
    int threads = Math.max(1, properties.threads());
    // Bounded: an account that finds the queue full waits for the next tick (it stays due).
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, properties.queue())),
            PollScheduler::thread,
            new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public void stop() {
    stopping = true;
    // The other nodes split this node's share from their next round on, not after dead-after.
    announce(false);
    ExecutorService running = pool;
    if (running != null) {
      running.shutdown();
      try {
        if (!running.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
          log.warn("Polls still running after {}; stopping anyway", STOP_WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool = null;
  }

  @Override
  public boolean isRunning() {
    return pool != null;
  }

  /** Tells the other nodes whether this one polls ({@link NodeHeartbeat#polling}). */
  private void announce(boolean polls) {
    try {
      heartbeat.polling(polls);
    } catch (RuntimeException e) {
      // Not counted by the others (or still counted until its heartbeat stops): the locks hold.
      log.warn("Could not record whether this node polls: {}", e.getMessage());
    }
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "poller");
    thread.setDaemon(true);
    return thread;
  }
}
