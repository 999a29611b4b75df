package com.smsportal.sending.worker;

import com.smsportal.node.IdleBackoff;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.store.ChunksQueued;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits the due chunks of every tenant's jobs, fairly, and turns chunks left SUBMITTING by a node
 * that stopped mid-call into UNKNOWN (never resent automatically).
 *
 * <p>Each round (every {@code smsportal.sending.poll-every}) finds the gateway accounts with chunks
 * due and gives each a turn on the sending pool ({@code smsportal.sending.threads} threads, no
 * queue), round-robin across tenants and then across a tenant's accounts ({@link SendTurns}). In
 * its turn an account submits its own due chunks oldest first, one at a time, at its rate limit,
 * for at most {@code smsportal.sending.turn}, then gives the thread back. So one account has at
 * most one submit in flight, and an account whose gateway is slow or hangs holds one thread, never
 * the others' chunks. When every thread is busy, the accounts left over are not queued: they go
 * first in the next round (a deliberate choice: a queue would only grow behind hanging accounts).
 *
 * <p>Across nodes on one database, an account's turn runs only on the node that holds the account's
 * send lease ({@link SendLeases}: taken with {@code FOR UPDATE SKIP LOCKED} among the due accounts
 * whose lease is free, renewed before each submit, released at the end of the turn): so one submit
 * is in flight per account, and the account's rate holds, across the cluster.
 *
 * <p>Each round first makes UNKNOWN the chunks whose call was cut off by the death or restart of
 * the node that made it ({@link InterruptedChunks}, which also takes this node's own at start-up).
 * On shutdown no turn starts, each turn ends after the call it is making, and the stop waits up to
 * {@code smsportal.sending.stop-wait} for them; a call still running then stays SUBMITTING under
 * this node's id and is UNKNOWN at the next start.
 *
 * <p>An idle node looks less often (issue 27, {@link IdleBackoff}): after each round that found
 * nothing to do the wait doubles up to {@code smsportal.sending.idle-poll-every}, never past the
 * time the first queued chunk comes due (a scheduled send); a job stored on this node wakes it for
 * the next tick, and one stored on another node is seen within {@code idle-poll-every}.
 */
@Component
class SendWorker implements SmartLifecycle, SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(SendWorker.class);

  private final SendChunkRepository chunks;
  private final ChunkSubmitter submitter;
  private final InterruptedChunks interrupted;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final boolean enabled;
  private final Duration pollEvery;
  private final int threads;
  private final Duration turn;
  private final Duration stopWait;
  private final SendLeases leases;
  private final SendTurns turns = new SendTurns();
  private final Set<Long> inTurn = ConcurrentHashMap.newKeySet();
  private final IdleBackoff pace;
  private volatile ThreadPoolExecutor pool;
  private volatile boolean stopping;

  SendWorker(
      SendChunkRepository chunks,
      ChunkSubmitter submitter,
      InterruptedChunks interrupted,
      TransactionTemplate tx,
      Clock clock,
      SendingProperties properties,
      SendLeases leases) {
    this.chunks = chunks;
    this.submitter = submitter;
    this.interrupted = interrupted;
    this.tx = tx;
    this.clock = clock;
    this.enabled = properties.workerEnabled();
    this.pollEvery = properties.pollEvery();
    this.threads = Math.max(1, properties.threads());
    this.turn = properties.turn();
    this.stopWait = properties.stopWait();
    this.leases = leases;
    this.pace = new IdleBackoff(pollEvery, properties.idlePollEvery());
  }

  /** A round every {@code poll-every} after the last one ended, the first that long after start. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::poll, pollEvery, pollEvery));
  }

  void poll() {
    if (!enabled || stopping || pool == null || !pace.due()) {
      return;
    }
    try {
      Queued queued = look();
      boolean recovered = queued.submitting() && interrupted.recover() > 0;
      dispatch(queued.due());
      if (recovered || !queued.due().isEmpty() || !inTurn.isEmpty()) {
        pace.ranBusy();
      } else if (queued.nextDueAt() != null) {
        pace.ranIdle(Duration.between(clock.instant(), queued.nextDueAt()));
      } else {
        pace.ranIdle();
      }
    } catch (RuntimeException e) {
      // The next round tries again; a database hiccup must not end the schedule.
      pace.ranBusy();
      log.warn("Submitting the due send chunks failed", e);
    }
  }

  /** The pace of its rounds: longer waits while it finds nothing to do (tests). */
  IdleBackoff pace() {
    return pace;
  }

  /** A job stored on this node: the next tick looks, after the job's commit. */
  @EventListener
  void chunksQueued(ChunksQueued queued) {
    pace.wake();
  }

  /** What one round finds, read in one transaction. */
  private record Queued(boolean submitting, List<SendTurns.Account> due, Instant nextDueAt) {}

  /**
   * Whether any chunk is in flight (on any node) and which accounts have chunks due, with when the
   * first of the others comes due: one transaction for the idle round's two reads.
   */
  private Queued look() {
    return TenantContext.callAs(
        TenantContext.ALL_TENANTS,
        () ->
            tx.execute(
                s -> {
                  boolean submitting = !chunks.submitting().isEmpty();
                  Instant now = clock.instant();
                  List<SendTurns.Account> due = new ArrayList<>();
                  Instant next = null;
                  for (Object[] row : chunks.accountsWith(ChunkState.QUEUED)) {
                    Instant dueAt = (Instant) row[2];
                    if (!dueAt.isAfter(now)) {
                      due.add(new SendTurns.Account((Long) row[0], (Long) row[1]));
                    } else if (next == null || dueAt.isBefore(next)) {
                      next = dueAt;
                    }
                  }
                  return new Queued(submitting, due, next);
                }));
  }

  /**
   * Gives each account with chunks due and no turn under way a turn, in fair order, while threads
   * are free; returns how many got one.
   */
  synchronized int dispatch(List<SendTurns.Account> found) {
    ThreadPoolExecutor running = pool;
    if (running == null) {
      return 0;
    }
    List<SendTurns.Account> due =
        found.stream().filter(a -> !inTurn.contains(a.accountId())).toList();
    List<SendTurns.Account> order = turns.order(due);
    int free = running.getMaximumPoolSize() - running.getActiveCount();
    Set<Long> leased =
        Set.copyOf(leases.acquire(order.stream().map(SendTurns.Account::accountId).toList(), free));
    int started = 0;
    for (SendTurns.Account account : order) {
      if (!leased.contains(account.accountId())) {
        continue; // another node's turn, or no thread free here
      }
      if (pool == null || stopping || !inTurn.add(account.accountId())) {
        leases.release(account.accountId());
        continue;
      }
      try {
        running.execute(() -> turn(account));
        turns.served(account);
        started++;
      } catch (RejectedExecutionException busy) {
        // Every thread is busy: this account goes first next round, on whichever node.
        inTurn.remove(account.accountId());
        leases.release(account.accountId());
      }
    }
    return started;
  }

  /** One account's turn: its due chunks, oldest first, until none is left or the turn is over. */
  private void turn(SendTurns.Account account) {
    long end = System.nanoTime() + turn.toNanos();
    try {
      while (!stopping && System.nanoTime() < end) {
        Optional<DueChunk> next =
            TenantContext.callAs(
                account.tenantId(),
                () ->
                    tx.execute(
                        s ->
                            chunks
                                .findFirstByAccountIdAndStateAndDueAtLessThanEqualOrderByDueAtAscIdAsc(
                                    account.accountId(), ChunkState.QUEUED, clock.instant())
                                .map(DueChunk::of)));
        if (next.isEmpty() || !submit(next.get())) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("The send turn of gateway account {} ended early", account.accountId(), e);
    } finally {
      try {
        leases.release(account.accountId());
      } catch (RuntimeException e) {
        // The lease ends by itself (smsportal.sending.lease-for); nothing is sent meanwhile.
        log.warn("The send lease of gateway account {} could not be released", account.accountId());
      }
      inTurn.remove(account.accountId());
    }
  }

  /** Submits one chunk; whether the account may go on with its next one in this turn. */
  private boolean submit(DueChunk chunk) {
    try {
      return TenantContext.callAs(
          chunk.tenantId(),
          () -> {
            try {
              return submitter.submit(chunk);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
    } catch (RuntimeException e) {
      log.warn("Send chunk {} could not be handled this round", chunk.chunkId(), e);
      return false;
    }
  }

  @Override
  public void start() {
    stopping = false;
    AtomicInteger count = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "send-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void stop() {
    stopping = true;
    ThreadPoolExecutor running = pool;
    pool = null;
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Submits still under way after {}: their chunks stay SUBMITTING and are UNKNOWN at the"
                + " next start",
            stopWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return pool != null;
  }
}
