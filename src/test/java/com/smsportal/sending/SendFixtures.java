package com.smsportal.sending;

import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.sending.store.SendDays;
import com.smsportal.sending.store.SendJob;
import com.smsportal.sending.store.SendJobRepository;
import com.smsportal.sending.store.SendNumber;
import com.smsportal.sending.store.SendNumberRepository;
import com.smsportal.tenant.TenantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finished send jobs written straight into the database, as if the worker had submitted them and
 * the status reports had come in: one chunk answered at a chosen instant, with chosen outcomes per
 * number. For tests of what is counted and shown, without waiting for the worker or the simulator.
 */
public final class SendFixtures {

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final DeliveryOutcomes outcomes;
  private final SendDays sendDays;
  private final TransactionTemplate tx;

  public SendFixtures(ApplicationContext context) {
    this.jobs = context.getBean(SendJobRepository.class);
    this.chunks = context.getBean(SendChunkRepository.class);
    this.numbers = context.getBean(SendNumberRepository.class);
    this.outcomes = context.getBean(DeliveryOutcomes.class);
    this.sendDays = context.getBean(SendDays.class);
    this.tx = context.getBean(TransactionTemplate.class);
  }

  /**
   * A job of the tenant whose one chunk the gateway accepted at {@code answeredAt}; of its numbers
   * {@code delivered} are reported delivered, {@code failed} failed and {@code unreported} have no
   * report yet.
   */
  public long accepted(
      long tenantId,
      long accountId,
      Instant answeredAt,
      int delivered,
      int failed,
      int unreported) {
    return job(
        tenantId, accountId, answeredAt, ChunkState.SUBMITTED, delivered, failed, unreported);
  }

  /** A job of the tenant whose one chunk of {@code count} numbers the gateway refused. */
  public long rejected(long tenantId, long accountId, Instant answeredAt, int count) {
    return job(tenantId, accountId, answeredAt, ChunkState.REJECTED, 0, 0, count);
  }

  /**
   * A finished job of the tenant with one chunk of one number per entry of {@code states}, in that
   * order, each answered at {@code answeredAt} with that state (no reports): a job of many chunks.
   */
  public long chunked(long tenantId, long accountId, Instant answeredAt, List<ChunkState> states) {
    return TenantContext.callAs(
        tenantId,
        () ->
            tx.execute(
                status -> {
                  SendJob job =
                      jobs.saveAndFlush(
                          new SendJob(
                              tenantId,
                              accountId,
                              UUID.randomUUID().toString(),
                              "【聚合云】fixture",
                              null,
                              "",
                              states.size(),
                              1,
                              states.size(),
                              answeredAt,
                              "fixture",
                              false));
                  job.setState(JobState.FINISHED);
                  for (int seq = 1; seq <= states.size(); seq++) {
                    ChunkState state = states.get(seq - 1);
                    SendChunk chunk =
                        chunks.saveAndFlush(
                            new SendChunk(
                                tenantId, job.getId(), accountId, seq, 1, answeredAt, false));
                    if (state == ChunkState.SUBMITTED) {
                      chunk.submitted("T" + chunk.getId(), 1, 0, "<returnsms/>", answeredAt);
                    } else {
                      chunk.failed(state, "OTHER_UPSTREAM_ERROR", "refused", "<x/>", answeredAt);
                    }
                    numbers.saveAndFlush(
                        new SendNumber(
                            tenantId,
                            job.getId(),
                            chunk.getId(),
                            String.format("137%08d", seq),
                            false));
                    numbers.follow(chunk.getId(), NumberState.of(state));
                  }
                  return job.getId();
                }));
  }

  private long job(
      long tenantId,
      long accountId,
      Instant answeredAt,
      ChunkState outcome,
      int delivered,
      int failed,
      int rest) {
    int count = delivered + failed + rest;
    return TenantContext.callAs(
        tenantId,
        () ->
            tx.execute(
                status -> {
                  SendJob job =
                      jobs.saveAndFlush(
                          new SendJob(
                              tenantId,
                              accountId,
                              UUID.randomUUID().toString(),
                              "【聚合云】fixture",
                              null,
                              "",
                              count,
                              1,
                              1,
                              answeredAt,
                              "fixture",
                              false));
                  job.setState(JobState.FINISHED);
                  SendChunk chunk =
                      chunks.saveAndFlush(
                          new SendChunk(
                              tenantId, job.getId(), accountId, 1, count, answeredAt, false));
                  if (outcome == ChunkState.SUBMITTED) {
                    chunk.submitted("T" + job.getId(), count, 0, "<returnsms/>", answeredAt);
                  } else {
                    chunk.failed(outcome, "OTHER_UPSTREAM_ERROR", "refused", "<x/>", answeredAt);
                  }
                  List<SendNumber> rows = new ArrayList<>();
                  for (int i = 0; i < count; i++) {
                    rows.add(
                        new SendNumber(
                            tenantId,
                            job.getId(),
                            chunk.getId(),
                            String.format("139%08d", i),
                            false));
                  }
                  numbers.saveAllAndFlush(rows);
                  numbers.follow(chunk.getId(), NumberState.of(outcome));
                  if (outcome == ChunkState.SUBMITTED) {
                    // As the worker and the ingest do: the day counts move with them.
                    sendDays.sent(tenantId, accountId, answeredAt, count);
                    List<DeliveryOutcomes.Outcome> reports = new ArrayList<>();
                    for (int i = 0; i < delivered + failed; i++) {
                      reports.add(
                          new DeliveryOutcomes.Outcome(
                              "T" + job.getId(),
                              rows.get(i).getMobile(),
                              i < delivered,
                              i < delivered ? "DELIVRD" : "UNDELIV",
                              answeredAt));
                    }
                    outcomes.record(accountId, reports);
                  }
                  return job.getId();
                }));
  }
}
