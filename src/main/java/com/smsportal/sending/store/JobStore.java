package com.smsportal.sending.store;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.JobState;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.ResendOutcome;
import com.smsportal.sending.SendAllowance;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.sending.message.MessageSegments;
import com.smsportal.sending.message.ParsedNumbers;
import com.smsportal.sending.message.PastedNumbers;
import com.smsportal.sending.message.SendRules;
import com.smsportal.tenant.SendLimits;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job storage: takes a send order and stores it as a job, with all its numbers in chunks of the
 * account's chunk size, before anything is sent (the worker submits them), once per idempotency
 * key; and a person's resend of a chunk whose outcome is unknown, or cancel of what is still
 * queued. Everything is filtered by the current tenant.
 */
@Service
public class JobStore {

  static final int MAX_KEY = 64;

  /** How long a submit waits its turn behind the tenant's other submits before it gives up. */
  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(60);

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final SendNumberInserts numberInserts;
  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final SendLimits limits;
  private final AuditLog audit;
  private final OptOuts optOuts;
  private final TransactionTemplate tx;
  private final Clock clock;

  JobStore(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      SendNumberInserts numberInserts,
      GatewayAccounts accounts,
      TenantService tenants,
      SendLimits limits,
      AuditLog audit,
      OptOuts optOuts,
      TransactionTemplate tx,
      Clock clock) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.numberInserts = numberInserts;
    this.accounts = accounts;
    this.tenants = tenants;
    this.limits = limits;
    this.audit = audit;
    this.optOuts = optOuts;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Stores the order as a job, or finds the job an earlier submit with the same idempotency key
   * made (then nothing more is stored or sent), or says why it cannot be sent.
   */
  public SubmitResult submit(SendOrder order) {
    String key = order.idempotencyKey() == null ? "" : order.idempotencyKey().strip();
    if (key.isEmpty() || key.length() > MAX_KEY) {
      return SubmitResult.refused(SendRefusal.NO_IDEMPOTENCY_KEY);
    }
    Optional<Long> earlier = jobOfKey(key);
    if (earlier.isPresent()) {
      return SubmitResult.repeatOf(earlier.get());
    }
    Instant now = clock.instant();
    ParsedNumbers parsed = PastedNumbers.parse(order.mobiles());
    String content = order.content() == null ? "" : order.content();
    String extno = order.extno() == null ? "" : order.extno().strip();
    Optional<GatewayAccountView> found = accounts.find(order.accountId());
    SendRefusal refusal = refusal(order, parsed, content, extno, found, now);
    if (refusal != null) {
      return SubmitResult.refused(refusal);
    }
    GatewayAccountView account = found.orElseThrow();
    // Looked up now, whatever the form showed: the list may have changed since. In the account's
    // tenant's context, also when staff submit.
    Set<String> optedOut =
        TenantContext.callAs(account.tenantId(), () -> optOuts.optedOut(parsed.valid()));
    List<String> mobiles =
        optedOut.isEmpty()
            ? parsed.valid()
            : parsed.valid().stream().filter(m -> !optedOut.contains(m)).toList();
    if (mobiles.isEmpty()) {
      return SubmitResult.refused(SendRefusal.ALL_OPTED_OUT);
    }
    long giveUp = System.nanoTime() + LOCK_PATIENCE.toNanos();
    while (true) {
      try {
        return tx.execute(
            status -> {
              SubmitResult overLimit = overLimit(account.tenantId(), mobiles.size(), now);
              return overLimit != null
                  ? overLimit
                  : SubmitResult.created(
                      store(account, key, mobiles, optedOut.size(), content, order, extno));
            });
      } catch (DataIntegrityViolationException raced) {
        // The same form submitted at the same moment: the other submit made the job.
        return SubmitResult.repeatOf(awaitJobOfKey(key, raced));
      } catch (PessimisticLockingFailureException waited) {
        // The database gave up waiting for the tenant's row (another of its jobs, maybe this same
        // form, is still being stored: a large one takes seconds) or for the key. Nothing of this
        // submit was stored; it is the same form's job if that one has committed meanwhile, else
        // the submit waits its turn again, for a while.
        Optional<Long> made = jobOfKey(key);
        if (made.isPresent()) {
          return SubmitResult.repeatOf(made.get());
        }
        if (System.nanoTime() > giveUp) {
          throw waited;
        }
      }
    }
  }

  /**
   * Queues a chunk whose outcome is unknown once more. Only for a person who confirmed the warning
   * that its recipients may get the message twice; recorded in the audit log.
   */
  public ResendOutcome resendUnknown(long jobId, long chunkId, boolean confirmed) {
    return tx.execute(
        status -> {
          Optional<SendChunk> found = chunks.findById(chunkId).filter(c -> c.getJobId() == jobId);
          if (found.isEmpty()) {
            return ResendOutcome.NOT_FOUND;
          }
          SendChunk chunk = found.get();
          if (!confirmed) {
            return ResendOutcome.NOT_CONFIRMED;
          }
          if (chunk.getState() != ChunkState.UNKNOWN) {
            return ResendOutcome.NOT_UNKNOWN;
          }
          chunk.resend(clock.instant());
          numbers.follow(chunkId, NumberState.QUEUED);
          SendJob job = jobs.findById(jobId).orElseThrow();
          job.setState(JobState.OPEN);
          audit.record(
              AuditEntry.success(AuditAction.SEND_RESENT, target(job))
                  .tenant(job.getTenantId(), tenantName(job.getTenantId()))
                  .detail(
                      "chunk "
                          + chunk.getSeq()
                          + " ("
                          + chunk.getNumberCount()
                          + " numbers) resent although its outcome was unknown; confirmed that"
                          + " recipients may get the message twice"));
          return ResendOutcome.RESENT;
        });
  }

  /**
   * Cancels the job's chunks that were not submitted yet; returns how many. Chunks being submitted
   * or with an outcome are left as they are.
   */
  public int cancel(long jobId) {
    return tx.execute(
        status -> {
          Optional<SendJob> found = jobs.findById(jobId);
          if (found.isEmpty()) {
            return 0;
          }
          SendJob job = found.get();
          int cancelled = chunks.cancelQueued(jobId);
          if (cancelled == 0) {
            return 0;
          }
          numbers.followCancelled(jobId);
          job.setState(JobState.CANCELLED);
          audit.record(
              AuditEntry.success(AuditAction.SEND_CANCELLED, target(job))
                  .tenant(job.getTenantId(), tenantName(job.getTenantId()))
                  .detail(cancelled + " of " + job.getChunkCount() + " chunks cancelled"));
          return cancelled;
        });
  }

  private SendRefusal refusal(
      SendOrder order,
      ParsedNumbers parsed,
      String content,
      String extno,
      Optional<GatewayAccountView> account,
      Instant now) {
    if (account.isEmpty()) {
      return SendRefusal.NO_SUCH_ACCOUNT;
    }
    GatewayAccountView view = account.get();
    if (!tenants.isActive(view.tenantId())) {
      return SendRefusal.TENANT_SUSPENDED;
    }
    if (!view.active()) {
      return SendRefusal.ACCOUNT_INACTIVE;
    }
    if (!view.verified()) {
      return SendRefusal.ACCOUNT_UNVERIFIED;
    }
    if (view.waitsForRotation()) {
      return SendRefusal.ROTATION_IN_DOUBT;
    }
    if (parsed.valid().isEmpty()) {
      return SendRefusal.NO_VALID_NUMBER;
    }
    return SendRules.refusal(content, extno, view.extnoSupported(), order.sendTime(), false, now);
  }

  private long store(
      GatewayAccountView account,
      String key,
      List<String> mobiles,
      int optedOut,
      String content,
      SendOrder order,
      String extno) {
    long tenantId = account.tenantId();
    // Staff (every tenant's context) name the tenant; a customer's rows get theirs from Hibernate.
    boolean assign = TenantContext.current() == TenantContext.ALL_TENANTS;
    Instant now = clock.instant();
    int chunkSize = Math.max(1, account.chunkSize());
    int chunkCount = (mobiles.size() + chunkSize - 1) / chunkSize;
    int segments = MessageSegments.count(content).segments();
    SendJob job =
        jobs.saveAndFlush(
            new SendJob(
                tenantId,
                account.id(),
                key,
                content,
                order.sendTime(),
                extno,
                mobiles.size(),
                segments,
                chunkCount,
                now,
                CurrentActor.name(),
                assign));
    job.setOptedOutCount(optedOut);
    Instant dueAt = order.sendTime() == null ? now : order.sendTime();
    for (int seq = 0; seq < chunkCount; seq++) {
      List<String> part =
          mobiles.subList(seq * chunkSize, Math.min(mobiles.size(), (seq + 1) * chunkSize));
      SendChunk chunk =
          chunks.save(
              new SendChunk(
                  tenantId, job.getId(), account.id(), seq + 1, part.size(), dueAt, assign));
      numberInserts.insertQueued(tenantId, job.getId(), chunk.getId(), part);
    }
    audit.record(
        AuditEntry.success(AuditAction.SEND, target(job))
            .tenant(tenantId, tenantName(tenantId))
            .detail(
                mobiles.size()
                    + " numbers, "
                    + segments
                    + " segment(s) each, "
                    + chunkCount
                    + " chunk(s) via gateway account "
                    + account.id()
                    + (optedOut == 0 ? "" : ", " + optedOut + " on the opt-out list left out")
                    + (order.sendTime() == null ? "" : ", scheduled for " + order.sendTime())));
    return job.getId();
  }

  /** The job an earlier submit of the form with this idempotency key made, if any. */
  public Optional<Long> jobOfKey(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return tx.execute(status -> jobs.findByIdempotencyKey(key.strip()).map(SendJob::getId));
  }

  /** The other submit's transaction may not have committed yet when ours failed on the key. */
  private long awaitJobOfKey(String key, DataAccessException raced) {
    for (int i = 0; i < 600; i++) {
      Optional<Long> id = jobOfKey(key);
      if (id.isPresent()) {
        return id.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw raced;
  }

  private String tenantName(long tenantId) {
    return tenants.find(tenantId).map(t -> t.name()).orElse(null);
  }

  static String target(SendJob job) {
    return "send job " + job.getId();
  }

  /** What the current tenant may still submit now; empty for staff, who act for every tenant. */
  public Optional<SendAllowance> allowance() {
    long tenantId = TenantContext.current();
    if (tenantId == TenantContext.ALL_TENANTS || tenantId == TenantContext.NO_TENANT) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tx.execute(
        status ->
            tenants
                .find(tenantId)
                .map(
                    tenant ->
                        new SendAllowance(
                            limits.perJob(tenant),
                            limits.perDay(tenant),
                            jobs.numbersSince(tenantId, startOfDay(now)),
                            limits.queued(tenant),
                            chunks.queuedNumbers(tenantId))));
  }

  /** The start of the day (China time) that {@code now} falls in: daily limits count from it. */
  private static Instant startOfDay(Instant now) {
    return now.atZone(Times.ZONE).toLocalDate().atStartOfDay(Times.ZONE).toInstant();
  }

  /**
   * The tenant's limit this job would pass, or null: numbers per job, per day (China time) and
   * queued at once. In the transaction that stores the job, under the lock of the tenant's row, so
   * that the tenant's submits are checked one after another on every node and two at the same
   * moment cannot together pass a limit.
   */
  private SubmitResult overLimit(long tenantId, int numbers, Instant now) {
    Optional<TenantView> tenant = tenants.lockForSending(tenantId);
    if (tenant.isEmpty()) {
      return null;
    }
    long perJob = limits.perJob(tenant.get());
    if (numbers > perJob) {
      return SubmitResult.overLimit(SendRefusal.TOO_MANY_FOR_JOB, perJob);
    }
    long perDay = limits.perDay(tenant.get());
    if (jobs.numbersSince(tenantId, startOfDay(now)) + numbers > perDay) {
      return SubmitResult.overLimit(SendRefusal.DAILY_LIMIT, perDay);
    }
    long queued = limits.queued(tenant.get());
    if (chunks.queuedNumbers(tenantId) + numbers > queued) {
      return SubmitResult.overLimit(SendRefusal.QUEUE_LIMIT, queued);
    }
    return null;
  }
}
