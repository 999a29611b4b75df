package com.smsportal.sending.worker;

import com.smsportal.node.NodeIdentity;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits the due chunks of every tenant's jobs, one after the other, and turns chunks left
 * SUBMITTING by a node that stopped mid-call into UNKNOWN (never resent automatically). At start-up
 * the chunks claimed under this node's own id are such chunks at once: its predecessor died with
 * their calls. Any other node's chunk counts as left behind only once its call began longer ago
 * than any call can last ({@code smsportal.sending.submitting-stale-after}), so a node never takes
 * over another live node's call under way.
 */
@Component
class SendWorker implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SendWorker.class);

  private final SendChunkRepository chunks;
  private final ChunkSubmitter submitter;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final boolean enabled;
  private final int batch;
  private final Duration staleAfter;
  private final NodeIdentity node;

  SendWorker(
      SendChunkRepository chunks,
      ChunkSubmitter submitter,
      TransactionTemplate tx,
      Clock clock,
      @Value("${smsportal.sending.worker-enabled:true}") boolean enabled,
      @Value("${smsportal.sending.batch:50}") int batch,
      @Value("${smsportal.sending.submitting-stale-after:PT1M}") Duration staleAfter,
      NodeIdentity node) {
    this.chunks = chunks;
    this.submitter = submitter;
    this.tx = tx;
    this.clock = clock;
    this.enabled = enabled;
    this.batch = Math.max(1, batch);
    this.staleAfter = staleAfter;
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
    if (!enabled) {
      return;
    }
    try {
      recoverInterrupted();
      submitDue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /** Submits the chunks due now (up to one batch); returns how many were looked at. */
  int submitDue() throws InterruptedException {
    List<ChunkSubmitter.Due> due =
        TenantContext.callAs(
            TenantContext.ALL_TENANTS,
            () ->
                tx.execute(
                    s ->
                        chunks
                            .findByStateAndDueAtLessThanEqualOrderByDueAtAscIdAsc(
                                ChunkState.QUEUED, clock.instant(), Limit.of(batch))
                            .stream()
                            .map(SendWorker::due)
                            .toList()));
    for (ChunkSubmitter.Due chunk : due) {
      try {
        TenantContext.callAs(
            chunk.tenantId(),
            () -> {
              try {
                submitter.submit(chunk);
              } catch (InterruptedException e) {
                throw new Interrupted(e);
              }
              return null;
            });
      } catch (Interrupted e) {
        throw e.cause;
      } catch (RuntimeException e) {
        log.warn("Send chunk {} could not be handled this round", chunk.chunkId(), e);
      }
    }
    return due.size();
  }

  private static final class Interrupted extends RuntimeException {
    final InterruptedException cause;

    Interrupted(InterruptedException cause) {
      super(cause);
      this.cause = cause;
    }
  }
}
