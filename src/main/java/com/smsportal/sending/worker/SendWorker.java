package com.smsportal.sending.worker;

import com.smsportal.node.NodeIdentity;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
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
 * <p>At start-up the chunks claimed under this node's own id are interrupted at once: its
 * predecessor died with their calls. Any other node's chunk counts as left behind only once its
 * call began longer ago than any call can last ({@code smsportal.sending.submitting-stale-after}),
 * so a node never takes over another live node's call under way. On shutdown no turn starts, each
 * turn ends after the call it is making, and the stop waits up to {@code
 * smsportal.sending.stop-wait} for them; a call still running then stays SUBMITTING under this
 * node's id and is UNKNOWN at the next start.
 */
@Component
class SendWorker implements SmartInitializingSingleton, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SendWorker.class);

  private final SendChunkRepository chunks;
  private final ChunkSubmitter submitter;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final boolean enabled;
  private final int threads;
  private final Duration turn;
  private final Duration staleAfter;
  private final Duration stopWait;
  private final NodeIdentity node;
  private final SendTurns turns = new SendTurns();
  private final Set<Long> inTurn = ConcurrentHashMap.newKeySet();
  private volatile ThreadPoolExecutor pool;
  private volatile boolean stopping;

  SendWorker(
      SendChunkRepository chunks,
      ChunkSubmitter submitter,
      TransactionTemplate tx,
      Clock clock,
      @Value("${smsportal.sending.worker-enabled:true}") boolean enabled,
      @Value("${smsportal.sending.threads:8}") int threads,
      @Value("${smsportal.sending.turn:PT5S}") Duration turn,
      @Value("${smsportal.sending.submitting-stale-after:PT1M}") Duration staleAfter,
      @Value("${smsportal.sending.stop-wait:PT20S}") Duration stopWait,
      NodeIdentity node) {
    this.chunks = chunks;
    this.submitter = submitter;
    this.tx = tx;
    this.clock = clock;
    this.enabled = enabled;
    this.threads = Math.max(1, threads);
    this.turn = turn;
    this.staleAfter = staleAfter;
    this.stopWait = stopWait;
    this.node = node;
  }

  /** Before the first round: this node's own calls cut off by its last stop are UNKNOWN. */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      int count = interrupt(chunks -> chunks.submittingBy(node.id()));
      if (count > 0) {
        log.warn(
            "{} send chunk(s) this node ({}) was submitting when it stopped are now UNKNOWN",
            count,
            node.id());
      }
    } catch (RuntimeException e) {
      // They stay SUBMITTING, never resent: the stale rule makes them UNKNOWN later.
      log.warn("The send chunks interrupted by this node's last stop could not be marked", e);
    }
  }

  @Scheduled(
      initialDelayString = "${smsportal.sending.poll-every:PT1S}",
      fixedDelayString = "${smsportal.sending.poll-every:PT1S}")
  void poll() {
    if (!enabled || stopping || pool == null) {
      return;
    }
    try {
      recoverInterrupted();
      dispatchDue();
    } catch (RuntimeException e) {
      // The next round tries again; a database hiccup must not end the schedule.
      log.warn("Submitting the due send chunks failed", e);
    }
  }

  /** Marks chunks whose call was interrupted by a stop as UNKNOWN; returns how many. */
  int recoverInterrupted() {
    int count = interrupt(chunks -> chunks.submittingSince(clock.instant().minus(staleAfter)));
    if (count > 0) {
      log.warn("{} send chunk(s) interrupted mid-submit are now UNKNOWN", count);
    }
    return count;
  }

  /** Records the outcome UNKNOWN for each chunk found, in its own tenant; returns how many. */
  private int interrupt(Function<SendChunkRepository, List<SendChunk>> find) {
    List<ChunkSubmitter.Due> interrupted =
        TenantContext.callAs(
            TenantContext.ALL_TENANTS,
            () -> tx.execute(s -> find.apply(chunks).stream().map(SendWorker::due).toList()));
    for (ChunkSubmitter.Due chunk : interrupted) {
      TenantContext.callAs(
          chunk.tenantId(),
          () -> {
            submitter.interrupted(chunk);
            return null;
          });
    }
    return interrupted.size();
  }

  private static ChunkSubmitter.Due due(SendChunk c) {
    return new ChunkSubmitter.Due(
        c.getId(), c.getTenantId(), c.getJobId(), c.getAccountId(), c.getAttempts());
  }

  /**
   * Gives each account with chunks due and no turn under way a turn, in fair order, while threads
   * are free; returns how many got one.
   */
  synchronized int dispatchDue() {
    List<SendTurns.Account> due =
        TenantContext.callAs(
            TenantContext.ALL_TENANTS,
            () ->
                tx.execute(
                    s ->
                        chunks.dueAccounts(ChunkState.QUEUED, clock.instant()).stream()
                            .map(row -> new SendTurns.Account((Long) row[0], (Long) row[1]))
                            .filter(a -> !inTurn.contains(a.accountId()))
                            .toList()));
    int started = 0;
    for (SendTurns.Account account : turns.order(due)) {
      ThreadPoolExecutor running = pool;
      if (running == null || stopping || !inTurn.add(account.accountId())) {
        continue;
      }
      try {
        running.execute(() -> turn(account));
        turns.served(account);
        started++;
      } catch (RejectedExecutionException busy) {
        // Every thread is busy: this account and those after it go first next round.
        inTurn.remove(account.accountId());
        break;
      }
    }
    return started;
  }

  /** One account's turn: its due chunks, oldest first, until none is left or the turn is over. */
  private void turn(SendTurns.Account account) {
    long end = System.nanoTime() + turn.toNanos();
    try {
      while (!stopping && System.nanoTime() < end) {
        Optional<ChunkSubmitter.Due> next =
            TenantContext.callAs(
                account.tenantId(),
                () ->
                    tx.execute(
                        s ->
                            chunks
                                .findFirstByAccountIdAndStateAndDueAtLessThanEqualOrderByDueAtAscIdAsc(
                                    account.accountId(), ChunkState.QUEUED, clock.instant())
                                .map(SendWorker::due)));
        if (next.isEmpty() || !submit(next.get())) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("The send turn of gateway account {} ended early", account.accountId(), e);
    } finally {
      inTurn.remove(account.accountId());
    }
  }

  /** Submits one chunk; whether the account may go on with its next one in this turn. */
  private boolean submit(ChunkSubmitter.Due chunk) {
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

  /** Accounts whose turn is under way now (for tests). */
  Set<Long> inTurn() {
    return Set.copyOf(inTurn);
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
