package com.smsportal.webhooks.outbox;

import com.smsportal.dashboard.BalanceLow;
import com.smsportal.receipts.StatusReportsStored;
import com.smsportal.replies.RepliesStored;
import com.smsportal.sending.JobFinished;
import com.smsportal.webhooks.WebhookEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish inside their transactions into deliveries, synchronously
 * (a plain {@link EventListener} runs in the publisher's thread and transaction): the report,
 * reply, job change or balance reading and its deliveries commit together or not at all. Nothing
 * here calls a customer's server: the poller never waits on one.
 */
@Component
class OutboxListener {

  private final Outbox outbox;

  OutboxListener(Outbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void reportsStored(StatusReportsStored stored) {
    List<Long> delivered =
        outbox.subscribers(stored.tenantId(), WebhookEventType.MESSAGE_DELIVERED);
    List<Long> failed = outbox.subscribers(stored.tenantId(), WebhookEventType.MESSAGE_FAILED);
    if (delivered.isEmpty() && failed.isEmpty()) {
      return;
    }
    List<Outbox.Event> ok = new ArrayList<>();
    List<Outbox.Event> notOk = new ArrayList<>();
    for (StatusReportsStored.Report report : stored.reports()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("accountId", stored.accountId());
      data.put("jobId", report.jobId());
      data.put("taskId", report.taskId());
      data.put("mobile", report.mobile());
      data.put("status", report.status());
      data.put("errorCode", report.errorCode());
      data.put("receivedAt", report.receivedAt().toString());
      data.put("extno", report.extno());
      (report.delivered() ? ok : notOk)
          .add(new Outbox.Event(report.identity(), report.receivedAt(), data));
    }
    outbox.write(stored.tenantId(), delivered, WebhookEventType.MESSAGE_DELIVERED, ok);
    outbox.write(stored.tenantId(), failed, WebhookEventType.MESSAGE_FAILED, notOk);
  }

  @EventListener
  void repliesStored(RepliesStored stored) {
    List<Long> endpoints = outbox.subscribers(stored.tenantId(), WebhookEventType.REPLY_RECEIVED);
    if (endpoints.isEmpty()) {
      return;
    }
    List<Outbox.Event> events = new ArrayList<>();
    for (RepliesStored.Reply reply : stored.replies()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("replyId", reply.id());
      data.put("accountId", stored.accountId());
      data.put("jobId", reply.jobId());
      data.put("taskId", reply.taskId());
      data.put("mobile", reply.mobile());
      data.put("content", reply.content());
      data.put("receivedAt", reply.receivedAt().toString());
      data.put("extno", reply.extno());
      data.put("optOut", reply.optOut());
      events.add(new Outbox.Event("reply/" + reply.id(), reply.receivedAt(), data));
    }
    outbox.write(stored.tenantId(), endpoints, WebhookEventType.REPLY_RECEIVED, events);
  }

  @EventListener
  void jobFinished(JobFinished job) {
    List<Long> endpoints = outbox.subscribers(job.tenantId(), WebhookEventType.JOB_FINISHED);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", job.jobId());
    data.put("accountId", job.accountId());
    data.put("finishedAt", job.at().toString());
    write(
        job.tenantId(),
        endpoints,
        WebhookEventType.JOB_FINISHED,
        "job/" + job.jobId(),
        job.at(),
        data);
  }

  @EventListener
  void balanceLow(BalanceLow low) {
    List<Long> endpoints = outbox.subscribers(low.tenantId(), WebhookEventType.BALANCE_LOW);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("accountId", low.accountId());
    data.put("balance", low.balance());
    data.put("threshold", low.threshold());
    data.put("readAt", low.readAt().toString());
    write(
        low.tenantId(),
        endpoints,
        WebhookEventType.BALANCE_LOW,
        "balance/" + low.accountId(),
        low.readAt(),
        data);
  }

  /** One event, keyed by what it is about and when (a job may finish again after a resend). */
  private void write(
      long tenantId,
      List<Long> endpoints,
      WebhookEventType type,
      String about,
      Instant at,
      Map<String, Object> data) {
    outbox.write(tenantId, endpoints, type, List.of(new Outbox.Event(about + "/" + at, at, data)));
  }
}
