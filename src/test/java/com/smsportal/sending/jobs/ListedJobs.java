package com.smsportal.sending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.ListTenants;
import com.smsportal.sending.JobPhase;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs of a test's own tenant for the job list: stored as a send stores them, then moved to a
 * creation time and, through their chunks and numbers as the worker and the reports leave them, to
 * a phase.
 */
final class ListedJobs {

  /** 2021-03-04 10:00 in China: the jobs of a test are created from here on, a minute apart. */
  static final LocalDateTime T0 = LocalDateTime.of(2021, 3, 4, 10, 0);

  private final JdbcTemplate jdbc;
  private final SendJobs sendJobs;
  private final ListTenants.Customer customer;

  ListedJobs(JdbcTemplate jdbc, SendJobs sendJobs, ListTenants.Customer customer) {
    this.jdbc = jdbc;
    this.sendJobs = sendJobs;
    this.customer = customer;
  }

  /** A job of two numbers created {@code minute} minutes after T0, in {@code phase} now. */
  long job(long account, String content, JobPhase phase, int minute) {
    Instant sendTime = phase == JobPhase.SCHEDULED ? Instant.now().plus(Duration.ofDays(30)) : null;
    long id = TenantContext.callAs(customer.tenantId(), () -> submit(account, content, sendTime));
    // Created by the customer on the page (submitted here by the system).
    jdbc.update(
        "update send_job set created_at = ?, created_by = ? where id = ?",
        Timestamp.from(T0.plusMinutes(minute).atZone(Times.ZONE).toInstant()),
        customer.username(),
        id);
    Timestamp hourAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
    switch (phase) {
      case SCHEDULED, SENDING -> {}
      case AWAITING_RECEIPTS, FINISHED -> {
        jdbc.update("update send_job set state = 'FINISHED' where id = ?", id);
        jdbc.update(
            "update send_chunk set state = 'SUBMITTED', answered_at = ?, task_id = ? where job_id = ?",
            hourAgo,
            "t" + id,
            id);
        if (phase == JobPhase.FINISHED) {
          jdbc.update(
              "update send_number set state = case when mobile like '%1' then 'DELIVERED'"
                  + " else 'FAILED' end where job_id = ?",
              id);
        } else {
          jdbc.update("update send_number set state = 'SUBMITTED' where job_id = ?", id);
        }
      }
      case CANCELLED -> {
        jdbc.update("update send_job set state = 'CANCELLED' where id = ?", id);
        jdbc.update("update send_chunk set state = 'CANCELLED' where job_id = ?", id);
        jdbc.update("update send_number set state = 'CANCELLED' where job_id = ?", id);
      }
    }
    return id;
  }

  /** A job of two numbers stored now, in the current tenant. */
  long submit(long account, String content, Instant sendTime) {
    SubmitResult result =
        sendJobs.submit(
            new SendOrder(
                account,
                "13900000001\n13900000002",
                content,
                sendTime,
                "",
                UUID.randomUUID().toString()));
    assertThat(result.accepted()).as(String.valueOf(result.refusal())).isTrue();
    return result.jobId();
  }
}
