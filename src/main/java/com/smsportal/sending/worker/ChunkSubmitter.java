package com.smsportal.sending.worker;

import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.SendRequest;
import com.smsportal.gateway.SendResult;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.store.NumberFlood;
import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.sending.store.SendNumberRepository;
import com.smsportal.tenant.TenantService;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits one chunk, so that no message is ever sent twice: the chunk is marked SUBMITTING in its
 * own committed transaction (only if it is still QUEUED), the gateway is called outside any
 * transaction, and the outcome is recorded in a new one ({@link ChunkOutcomes}). A call that may
 * have reached the gateway without an answer leaves the chunk UNKNOWN: only a person may resend it.
 * Only a call that provably never left is queued again. Runs in the chunk's tenant's context.
 */
@Component
class ChunkSubmitter {

  private static final Logger log = LoggerFactory.getLogger(ChunkSubmitter.class);

  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final GatewayAccess gateway;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SubmitGuards guards;
  private final ChunkOutcomes outcomes;
  private final NodeIdentity node;
  private final NodeHeartbeat heartbeat;
  private final SendLeases leases;
  private final Duration rateWait;
  private final ChunkReads reads;
  private final NumberFlood flood;

  ChunkSubmitter(
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      GatewayAccounts accounts,
      TenantService tenants,
      GatewayAccess gateway,
      TransactionTemplate tx,
      Clock clock,
      SubmitGuards guards,
      ChunkOutcomes outcomes,
      SendingProperties properties,
      NodeIdentity node,
      NodeHeartbeat heartbeat,
      SendLeases leases,
      ChunkReads reads,
      NumberFlood flood) {
    this.chunks = chunks;
    this.numbers = numbers;
    this.accounts = accounts;
    this.tenants = tenants;
    this.gateway = gateway;
    this.tx = tx;
    this.clock = clock;
    this.guards = guards;
    this.outcomes = outcomes;
    this.node = node;
    this.heartbeat = heartbeat;
    this.leases = leases;
    this.rateWait = properties.rateWait();
    this.reads = reads;
    this.flood = flood;
  }

  /**
   * Submits the chunk if it still waits and its account and tenant may send now. Returns whether
   * the account may go on with its next chunk in this turn: false if the account's rate limit or
   * its one submit at a time held the chunk back (it stays queued and due, for the account's next
   * turn), or if the account cannot send now (not ready, or the gateway unreachable: the chunk is
   * put off, and so would the next one be).
   */
  boolean submit(DueChunk due) throws InterruptedException {
    Optional<GatewayAccountView> account = accounts.find(due.accountId());
    String notNow = notNow(account, due);
    if (notNow != null) {
      outcomes.postponed(due, notNow);
      return false;
    }
    PreparedChunk prepared = reads.prepare(due);
    if (prepared.request().mobiles().isEmpty()) {
      skipOptedOut(due, prepared);
      return true;
    }
    if (!guards.awaitRate(due.accountId())) {
      if (Thread.interrupted()) {
        throw new InterruptedException("waiting for the submit rate");
      }
      return false;
    }
    Bulkhead oneAtATime = guards.oneAtATime(due.accountId());
    if (!oneAtATime.tryAcquirePermission()) {
      return false; // this account's submit under way elsewhere on this node
    }
    try {
      if (!mayStartAcrossTheCluster(due.accountId())) {
        return false;
      }
      return gateway
          .call(due.accountId(), as -> claimAndSend(due, prepared, as))
          .fold(
              goOn -> goOn,
              unusable -> {
                outcomes.postponed(
                    due,
                    switch (unusable) {
                      case NOT_FOUND -> "gateway account not found";
                      case ROTATING -> "gateway account in password rotation";
                      case PASSWORD_NEEDED ->
                          "the gateway account's password must be entered again";
                    });
                return false;
              },
              // claimAndSend records every answer of the gateway, its errors included, itself.
              failure -> {
                throw failure;
              });
    } finally {
      oneAtATime.onComplete();
    }
  }

  /**
   * Whether this node may begin the account's next submit now, by the rules that hold across the
   * cluster ({@link SendLeases}): its own heartbeat went through within half of {@code
   * smsportal.node.dead-after} (else others may soon take it for dead and take the account over),
   * it still holds the account's lease, and the account's previous submit, on any node, began at
   * least the rate's interval ago (waiting for that up to {@code smsportal.sending.rate-wait}).
   */
  private boolean mayStartAcrossTheCluster(long accountId) throws InterruptedException {
    if (!heartbeat.beatingWithin(heartbeat.deadAfter().dividedBy(2))) {
      log.warn("This node's heartbeat is late: no submit starts until it goes through again");
      return false;
    }
    long end = System.nanoTime() + rateWait.toNanos();
    long pause = Math.max(10, leases.spacing().toMillis() / 4);
    while (true) {
      SendLeases.Submit submit = leases.beforeSubmit(accountId);
      if (submit == SendLeases.Submit.GO) {
        return true;
      }
      if (submit == SendLeases.Submit.LOST || System.nanoTime() + pause * 1_000_000 > end) {
        return false;
      }
      Thread.sleep(pause);
    }
  }

  /**
   * Claims the chunk and, if this worker got it, submits it as the account and records what came
   * back. Nothing of the call is retried. Returns whether the account may go on with its next
   * chunk: not after a call that provably never left (the gateway unreachable).
   */
  private Boolean claimAndSend(DueChunk due, PreparedChunk prepared, AccountGateway account) {
    Instant claimedAt = now();
    Set<String> limited = tx.execute(s -> claim(due, prepared, claimedAt));
    if (limited == null) {
      return Boolean.FALSE; // another worker took it, or it was cancelled or edited meanwhile
    }
    SendRequest request = prepared.without(limited);
    if (request.mobiles().isEmpty()) {
      return Boolean.TRUE; // every number had reached a flood limit: the claim closed the chunk
    }
    int attempt = due.attempts() + 1;
    SendResult result;
    try {
      result = account.send(request);
    } catch (GatewayException e) {
      if (neverSent(e)) {
        // Not to any phone: the numbers' flood counts are taken back, the chunk may go again.
        flood.release(due.tenantId(), request.mobiles(), claimedAt, prepared.limits());
      }
      return outcomes.failed(due, attempt, e);
    } catch (RuntimeException e) {
      outcomes.unexpected(due, attempt, e);
      return Boolean.TRUE;
    }
    outcomes.submitted(due, attempt, result);
    return Boolean.TRUE;
  }

  /**
   * Marks the chunk SUBMITTING under this node and its start, only if it is still QUEUED at the
   * attempt and job version read, its numbers opted out since as such, and counts its numbers
   * against the flood limits per number (issue 26), marking those that reached one LIMITED (if all
   * did, the chunk is closed unsent). Null if this worker did not get it, else the LIMITED numbers.
   * In the caller's transaction.
   */
  private Set<String> claim(DueChunk due, PreparedChunk prepared, Instant at) {
    int taken =
        chunks.claim(
            due.chunkId(),
            due.attempts(),
            prepared.jobVersion(),
            now(),
            node.id(),
            heartbeat.startCount());
    if (taken != 1) {
      return null;
    }
    if (!prepared.optedOut().isEmpty()) {
      numbers.optedOut(due.chunkId(), prepared.optedOut());
    }
    List<String> mobiles = prepared.request().mobiles();
    Set<String> limited = flood.take(due.tenantId(), due.chunkId(), mobiles, at, prepared.limits());
    if (!mobiles.isEmpty() && limited.size() == mobiles.size()) {
      closeUnsent(due, "LIMITED", "every number reached a flood limit per number: nothing sent");
    }
    return limited;
  }

  private String notNow(Optional<GatewayAccountView> account, DueChunk due) {
    if (account.isEmpty()) {
      return "gateway account not found";
    }
    if (!tenants.isActive(due.tenantId())) {
      return "tenant suspended";
    }
    if (!account.get().active()) {
      return "gateway account inactive";
    }
    if (!account.get().verified()) {
      return "gateway account not verified";
    }
    if (account.get().waitsForRotation()) {
      return "gateway account in password rotation";
    }
    return null;
  }

  /** Every number of the chunk opted out after the job was stored: nothing is sent. */
  private void skipOptedOut(DueChunk due, PreparedChunk prepared) {
    tx.executeWithoutResult(
        s -> {
          if (claim(due, prepared, now()) != null) {
            closeUnsent(due, "OPTED_OUT", "every number is on the opt-out list: nothing sent");
          }
        });
    log.info(
        "Send chunk {} of job {}: every number opted out, not sent", due.chunkId(), due.jobId());
  }

  /** Whether the failed call provably reached no phone: queued again, or refused by the gateway. */
  private static boolean neverSent(GatewayException e) {
    return e.error() == GatewayError.UPSTREAM_UNREACHABLE
        || e.error() == GatewayError.ENDPOINT_NOT_ALLOWED
        || !e.error().mayHaveTakenEffect();
  }

  /** The claimed chunk is closed without a call: none of its numbers may be sent. */
  private void closeUnsent(DueChunk due, String code, String why) {
    SendChunk chunk = chunks.findById(due.chunkId()).orElseThrow();
    chunk.failed(ChunkState.CANCELLED, code, why, null, now());
    outcomes.finishIfDone(due.jobId());
  }

  private Instant now() {
    return clock.instant();
  }
}
