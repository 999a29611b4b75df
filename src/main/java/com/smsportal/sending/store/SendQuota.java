package com.smsportal.sending.store;

import com.smsportal.sending.SendAllowance;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.SendLimits;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's send limits (numbers per job, per day in China time, queued at once): what it may
 * still submit, for the compose page, and the check of a job against them, in the transaction that
 * stores it.
 */
@Service
public class SendQuota {

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final TenantService tenants;
  private final SendLimits limits;
  private final TransactionTemplate tx;
  private final Clock clock;

  SendQuota(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      TenantService tenants,
      SendLimits limits,
      TransactionTemplate tx,
      Clock clock) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.tenants = tenants;
    this.limits = limits;
    this.tx = tx;
    this.clock = clock;
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
  SubmitResult overLimit(long tenantId, int numbers, Instant now) {
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
