package com.smsportal.sending.store;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.CurrentActor;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.message.MessageSegments;
import com.smsportal.sending.PersonalOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one transaction that stores a send order {@link JobStore} has checked: under the lock of the
 * tenant's row its limits ({@link SendQuota#overLimit}), then the job, its chunks of the account's
 * chunk size, every number QUEUED, and the audit entry. Nothing is sent yet: the worker submits the
 * chunks. The idempotency key is unique: the same form stored at the same moment fails here.
 */
@Component
class JobInsert {

  /**
   * A checked send order: the account to send through, the numbers left after the opt-out list and
   * the flood limits per number (and how many each took out) grouped by the text they get, the
   * job's text, extension and send time (null: now). A plain job has one group, whose text is null
   * (the job's content); a personalised job's groups each carry their rendered text, and its
   * content is the text with placeholders.
   */
  record NewJob(
      GatewayAccountView account,
      String key,
      List<PersonalOrder.Text> groups,
      int optedOut,
      String content,
      String extno,
      Instant sendTime,
      boolean personalised,
      int limited) {

    int numberCount() {
      return groups.stream().mapToInt(g -> g.mobiles().size()).sum();
    }
  }

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberInserts numberInserts;
  private final SendQuota quota;
  private final JobAudit audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  JobInsert(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberInserts numberInserts,
      SendQuota quota,
      JobAudit audit,
      TransactionTemplate tx,
      Clock clock,
      ApplicationEventPublisher events) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.numberInserts = numberInserts;
    this.quota = quota;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.events = events;
  }

  /** Stores the job, or says which of the tenant's limits it would pass ({@code now}: the day). */
  SubmitResult insert(NewJob order, Instant now) {
    return tx.execute(
        status -> {
          SubmitResult overLimit =
              quota.overLimit(order.account().tenantId(), order.numberCount(), now);
          return overLimit != null ? overLimit : SubmitResult.created(store(order));
        });
  }

  private long store(NewJob order) {
    GatewayAccountView account = order.account();
    long tenantId = account.tenantId();
    // Staff (every tenant's context) name the tenant; a customer's rows get theirs from Hibernate.
    boolean assign = TenantContext.current() == TenantContext.ALL_TENANTS;
    Instant now = clock.instant();
    int chunkSize = Math.max(1, account.chunkSize());
    int numberCount = order.numberCount();
    int chunkCount = 0;
    long totalSegments = 0;
    for (PersonalOrder.Text group : order.groups()) {
      chunkCount += (group.mobiles().size() + chunkSize - 1) / chunkSize;
      if (group.content() != null) {
        totalSegments +=
            (long) MessageSegments.count(group.content()).segments() * group.mobiles().size();
      }
    }
    int segments = MessageSegments.count(order.content()).segments();
    SendJob job =
        jobs.saveAndFlush(
            new SendJob(
                tenantId,
                account.id(),
                order.key(),
                order.content(),
                order.sendTime(),
                order.extno(),
                numberCount,
                segments,
                chunkCount,
                now,
                CurrentActor.name(),
                assign));
    job.setOptedOutCount(order.optedOut());
    job.setLimitedCount(order.limited());
    if (order.personalised()) {
      job.personalised(totalSegments);
    }
    Instant dueAt = order.sendTime() == null ? now : order.sendTime();
    int seq = 0;
    // Each distinct text its own chunks: the gateway's send carries one content for its numbers.
    for (PersonalOrder.Text group : order.groups()) {
      List<String> mobiles = group.mobiles();
      for (int from = 0; from < mobiles.size(); from += chunkSize) {
        List<String> part = mobiles.subList(from, Math.min(mobiles.size(), from + chunkSize));
        SendChunk chunk =
            chunks.save(
                new SendChunk(
                        tenantId, job.getId(), account.id(), ++seq, part.size(), dueAt, assign)
                    .withContent(group.content()));
        numberInserts.insertQueued(tenantId, job.getId(), chunk.getId(), part);
      }
    }
    audit.record(
        AuditAction.SEND,
        job.getId(),
        tenantId,
        sent(numberCount, segments, chunkCount, account.id(), order));
    // This node's send worker looks at once (after the commit), not after its idle wait.
    events.publishEvent(new ChunksQueued(account.id()));
    return job.getId();
  }

  private static AuditDetail sent(
      int numbers, int segments, int chunkCount, long accountId, NewJob order) {
    AuditDetail detail =
        AuditDetail.of("audit.detail.sent", numbers, segments, chunkCount, accountId);
    if (order.personalised()) {
      detail = detail.and("audit.detail.sentPersonalised", order.groups().size());
    }
    if (order.optedOut() > 0) {
      detail = detail.and("audit.detail.sentOptedOut", order.optedOut());
    }
    if (order.limited() > 0) {
      detail = detail.and("audit.detail.sentLimited", order.limited());
    }
    if (order.sendTime() != null) {
      detail = detail.and("audit.detail.sentScheduled", new Times().format(order.sendTime()));
    }
    return detail;
  }
}
