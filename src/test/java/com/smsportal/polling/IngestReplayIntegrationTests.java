package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.SendDayRecount;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based ingest of issue 27 keeps the old promises: a replayed answer (processed again, or
 * fetched again as a new answer) changes nothing, and the dashboard's day counts always equal a
 * count over the raw rows, after a seeded random mix of reports for jobs of several days (late and
 * older reports, outcomes that change, unknown tasks, replays).
 */
@DatabaseDependent(
    "multi-row upserts and set-based matching: each database's own SQL (MERGE on H2)")
@PortalIntegrationTest
class IngestReplayIntegrationTests {

  private static final DateTimeFormatter VENDOR_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int NUMBERS = 40;

  @Autowired RawInbox inbox;
  @Autowired PollIngest ingest;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  void replayedAnswersChangeNothingAndTheDayCountsEqualTheRawRows() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long tenant = tenants.create("replay-" + UUID.randomUUID()).id();
    long account = account(tenant);
    jdbc.update(
        "insert into webhook_endpoint (tenant_id, url, events, active, created_at, created_by,"
            + " updated_at, updated_by) values (?, 'https://127.0.0.1:9/none',"
            + " 'message.delivered,message.failed,reply.received', true, current_timestamp,"
            + " 'test', current_timestamp, 'test')",
        tenant);
    SendFixtures fixtures = new SendFixtures(context);
    // Jobs on three China days, one accepted a second before a day's end.
    List<Long> jobs = new ArrayList<>();
    for (String at :
        List.of("2031-03-09T15:59:59Z", "2031-03-09T16:00:00Z", "2031-03-11T02:00:00Z")) {
      jobs.add(fixtures.accepted(tenant, account, Instant.parse(at), 0, 0, NUMBERS));
    }
    List<StoredAnswer> answers = new ArrayList<>();
    for (int a = 0; a < 8; a++) {
      StringBuilder xml = new StringBuilder("<returnsms>\n");
      for (int r = 0; r < 30; r++) {
        boolean delivered = random.nextInt(3) > 0;
        // Unknown tasks too; times within two hours, so later answers bring older reports.
        String task = random.nextInt(10) == 0 ? "999999" : "T" + jobs.get(random.nextInt(3));
        xml.append("<statusbox><mobile>")
            .append(String.format("139%08d", random.nextInt(NUMBERS)))
            .append("</mobile><taskid>")
            .append(task)
            .append("</taskid><status>")
            .append(delivered ? 10 : 20)
            .append("</status><receivetime>")
            .append(
                VENDOR_TIME.format(
                    LocalDateTime.of(2031, 3, 11, 12, 0).plusMinutes(random.nextInt(120))))
            .append("</receivetime><errorcode>")
            .append(delivered ? "DELIVRD" : "UNDELIV")
            .append("</errorcode><extno>01</extno></statusbox>\n");
      }
      answers.add(store(tenant, account, InboxKind.REPORTS, xml.append("</returnsms>").toString()));
    }
    answers.add(
        store(
            tenant,
            account,
            InboxKind.REPLIES,
            "<returnsms>\n"
                + "<callbox><mobile>13900000001</mobile><taskid>T"
                + jobs.get(0)
                + "</taskid><content>退订</content><receivetime>2031-03-11 10:00:00</receivetime>"
                + "<extno>01</extno></callbox>\n"
                + "<callbox><mobile>13900000002</mobile><taskid></taskid><content>你好</content>"
                + "<receivetime>2031-03-11 10:00:01</receivetime><extno>01</extno></callbox>\n"
                + "<callbox><mobile>13900000002</mobile><taskid></taskid><content>你好</content>"
                + "<receivetime>2031-03-11 10:00:01</receivetime><extno>01</extno></callbox>\n"
                + "</returnsms>"));
    for (StoredAnswer answer : answers) {
      ingest.process(answer);
      if (random.nextBoolean()) {
        ingest.process(answer); // a replay from the inbox as it was read
      }
    }
    String first = snapshot(tenant, account);
    assertThat(first).contains("DELIVERED", "FAILED", "SUBMITTED");
    assertThat(count("select count(*) from webhook_delivery where tenant_id = ?", tenant))
        .as("events written for the reports and the replies")
        .isPositive();
    assertThat(count("select count(*) from reply where account_id = ?", account)).isEqualTo(2);
    assertThat(difference(tenant)).as("day counts against the raw rows, seed " + seed).isEmpty();

    for (StoredAnswer answer : answers) {
      ingest.process(answer);
      // The same answer fetched once more: stored again, as a new answer.
      ingest.process(store(tenant, account, answer.kind(), answer.body()));
    }
    assertThat(snapshot(tenant, account))
        .as("after every answer twice more, seed " + seed)
        .isEqualTo(first);
    assertThat(difference(tenant)).as("day counts against the raw rows, seed " + seed).isEmpty();
  }

  /** Everything a replay must not change: reports, replies, opt-outs, outcomes, counts, events. */
  private String snapshot(long tenant, long account) {
    StringBuilder all = new StringBuilder();
    for (String sql :
        List.of(
            "select task_id, mobile, status, receive_time, inbox_id, job_id from status_report"
                + " where account_id = ? order by id",
            "select id, mobile, content, inbox_id, job_id, opt_out from reply where account_id = ?"
                + " order by id",
            "select mobile, source, reply_id from opt_out where tenant_id = (select tenant_id"
                + " from gateway_account where id = ?) order by id",
            "select n.id, n.state, n.carrier_code, n.reported_at from send_number n"
                + " join send_chunk c on c.id = n.chunk_id where c.account_id = ? order by n.id",
            "select sent_day, sent, delivered, failed from send_day where account_id = ?"
                + " order by sent_day",
            "select d.event_type, d.event_id from webhook_delivery d join webhook_endpoint e"
                + " on e.id = d.endpoint_id join gateway_account a on a.tenant_id = e.tenant_id"
                + " where a.id = ? order by d.id")) {
      all.append(jdbc.queryForList(sql, account)).append('\n');
    }
    return all.toString();
  }

  private List<String> difference(long tenant) {
    return jdbc.execute(
        (ConnectionCallback<List<String>>) c -> SendDayRecount.differences(c, tenant));
  }

  private long count(String sql, long id) {
    return jdbc.queryForObject(sql, Long.class, id);
  }

  private StoredAnswer store(long tenant, long account, InboxKind kind, String body) {
    Instant fetched = Instant.parse("2031-03-11T05:00:00Z");
    long id = inbox.store(tenant, account, kind, RawInbox.POLL, fetched, body, null);
    return new StoredAnswer(
        id, tenant, account, kind, RawInbox.POLL, InboxState.NEW, fetched, body, null, null, null);
  }

  private long account(long tenant) {
    return TenantContext.callAs(
        tenant,
        () ->
            accounts.ensure(
                "replay",
                TestEndpoints.of(endpoints, "http://127.0.0.1:9/none"),
                GatewayCharset.UTF8,
                "1",
                "replay-" + tenant,
                "x"));
  }
}
