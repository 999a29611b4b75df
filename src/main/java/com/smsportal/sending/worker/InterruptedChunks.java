package com.smsportal.sending.worker;

import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chunks left SUBMITTING by a call that can no longer end with its answer recorded, made UNKNOWN
 * (never resent automatically; {@link ChunkOutcomes#interrupted}).
 *
 * <p>At start-up, before the worker's first round, the chunks claimed under this node's own id: its
 * predecessor died with their calls. Each round of the worker then, any chunk still SUBMITTING
 * whose node is dead (its heartbeat older than {@code smsportal.node.dead-after}, by the database's
 * clock) or has started again since the claim (its heartbeat's start count), and never one whose
 * node is alive and in the same start, however long its call takes. Only a chunk claimed by no
 * known node (before heartbeats existed) still waits for {@code
 * smsportal.sending.submitting-stale-after}.
 */
@Component
class InterruptedChunks implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(InterruptedChunks.class);

  private final SendChunkRepository chunks;
  private final ChunkOutcomes outcomes;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final NodeIdentity node;
  private final NodeHeartbeat heartbeat;
  private final Duration staleAfter;

  InterruptedChunks(
      SendChunkRepository chunks,
      ChunkOutcomes outcomes,
      TransactionTemplate tx,
      Clock clock,
      NodeIdentity node,
      NodeHeartbeat heartbeat,
      SendingProperties properties) {
    this.chunks = chunks;
    this.outcomes = outcomes;
    this.tx = tx;
    this.clock = clock;
    this.node = node;
    this.heartbeat = heartbeat;
    this.staleAfter = properties.submittingStaleAfter();
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

  /**
   * Marks the chunks whose call was cut off by the death or restart of the node that made it as
   * UNKNOWN; returns how many.
   */
  int recover() {
    Instant staleBefore = clock.instant().minus(staleAfter);
    int count =
        interrupt(
            chunks -> {
              List<SendChunk> submitting = chunks.submitting();
              if (submitting.isEmpty()) {
                // Nothing in flight anywhere (most rounds of an idle node, issue 27): no query of
                // the heartbeats.
                return List.of();
              }
              // Read after the chunks: a node that restarted since their claim is seen restarted.
              Map<String, NodeHeartbeat.Node> nodes =
                  heartbeat.nodes().stream()
                      .collect(Collectors.toMap(NodeHeartbeat.Node::id, Function.identity()));
              return submitting.stream()
                  .filter(c -> cutOff(c, nodes.get(c.getClaimedBy()), staleBefore))
                  .toList();
            });
    if (count > 0) {
      log.warn("{} send chunk(s) interrupted mid-submit are now UNKNOWN", count);
    }
    return count;
  }

  /** Whether the call of this SUBMITTING chunk can no longer end with an answer recorded. */
  private boolean cutOff(SendChunk chunk, NodeHeartbeat.Node owner, Instant staleBefore) {
    if (owner == null) {
      // Claimed by no node that ever beat (before heartbeats existed): the old time rule.
      return chunk.getAttemptedAt() != null && chunk.getAttemptedAt().isBefore(staleBefore);
    }
    boolean restarted = chunk.getClaimedRun() == null || owner.startCount() > chunk.getClaimedRun();
    boolean dead = owner.dead() && !owner.id().equals(node.id());
    if (restarted || dead) {
      log.warn(
          "Send chunk {} was being submitted by node {}, which {}: its outcome is UNKNOWN",
          chunk.getId(),
          owner.id(),
          dead ? "is dead (no heartbeat)" : "has restarted since");
      return true;
    }
    return false;
  }

  /** Records the outcome UNKNOWN for each chunk found, in its own tenant; returns how many. */
  private int interrupt(Function<SendChunkRepository, List<SendChunk>> find) {
    List<DueChunk> interrupted =
        TenantContext.callAs(
            TenantContext.ALL_TENANTS,
            () -> tx.execute(s -> find.apply(chunks).stream().map(DueChunk::of).toList()));
    for (DueChunk chunk : interrupted) {
      TenantContext.callAs(
          chunk.tenantId(),
          () -> {
            outcomes.interrupted(chunk);
            return null;
          });
    }
    return interrupted.size();
  }
}
