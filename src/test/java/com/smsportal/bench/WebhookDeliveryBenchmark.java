package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.gateway.StatusReport;
import com.smsportal.receipts.StatusReports;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.webhooks.WebhookReceiver;
import com.smsportal.webhooks.endpoint.EndpointForm;
import com.smsportal.webhooks.endpoint.WebhookEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test of speed (run only when named; see README): 100,000 status reports ingested
 * through {@link StatusReports#ingest} (as the poller hands them, 4,000 per answer, one transaction
 * each) for a tenant with one webhook endpoint subscribed to every event, while the delivery worker
 * delivers them to a local receiver that checks every signature. The same reports are ingested for
 * a tenant without endpoints, interleaved answer by answer, for the outbox's cost on ingest. Prints
 * the ingest rates with and without the outbox and the delivery rate of the same run; it asserts
 * only correctness: every event arrived, signed, none lost.
 *
 * <p>{@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=WebhookDeliveryBenchmark} (H2); add {@code -Pci} for MariaDB; {@code
 * -Dbench.reports=N}.
 */
@SpringBootTest(
    properties = {
      "smsportal.simulator.enabled=true",
      "smsportal.webhooks.worker-enabled=true",
      "smsportal.webhooks.every=PT0.1S",
      "smsportal.webhooks.allow-private-addresses=true",
      "smsportal.webhooks.allow-http=true"
    })
class WebhookDeliveryBenchmark {

  private static final DateTimeFormatter VENDOR_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Value("${bench.reports:100000}")
  int total;

  @Value("${it.database:h2}")
  String database;

  @Autowired StatusReports reports;
  @Autowired TenantService tenants;
  @Autowired WebhookEndpoints hooks;
  @Autowired TransactionTemplate tx;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aHundredThousandReportsIngestedAndDeliveredSigned() throws Exception {
    int perAnswer = 4000;
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      long hooked = tenants.create("Bench hooks " + UUID.randomUUID()).id();
      long plain = tenants.create("Bench plain " + UUID.randomUUID()).id();
      String path = "/ok/bench-" + hooked;
      String secret =
          TenantContext.callAs(
                  hooked,
                  () ->
                      hooks.save(
                          null,
                          new EndpointForm(receiver.url(path), EndpointForm.subscribable(), true)))
              .orElseThrow()
              .secret();
      receiver.secret(path, secret);
      LocalDateTime base = LocalDateTime.of(2026, 11, 1, 8, 0);
      long hookedNanos = 0;
      long plainNanos = 0;
      long started = System.nanoTime();
      for (int a = 0; a * perAnswer < total; a++) {
        List<StatusReport> answer = new ArrayList<>(perAnswer);
        for (int i = 0; i < perAnswer && a * perAnswer + i < total; i++) {
          int n = a * perAnswer + i;
          boolean delivered = n % 10 != 4;
          LocalDateTime at = base.plusSeconds(n);
          answer.add(
              new StatusReport(
                  String.format("13%09d", n),
                  Integer.toString(100_000 + n / 1000),
                  delivered ? StatusReport.DELIVERED : StatusReport.FAILED,
                  at.minusHours(8).toInstant(ZoneOffset.UTC),
                  VENDOR_TIME.format(at),
                  delivered ? "DELIVRD" : "UNDELIV",
                  "01"));
        }
        long t0 = System.nanoTime();
        ingest(hooked, answer);
        long t1 = System.nanoTime();
        ingest(plain, answer);
        hookedNanos += t1 - t0;
        plainNanos += System.nanoTime() - t1;
      }
      long ingested = System.nanoTime();
      long pendingAtIngestEnd = pending(hooked);
      long[] printed = {ingested};
      // Polled often, so the end of the delivery is known within a quarter second; shown every 5.
      await()
          .atMost(Duration.ofMinutes(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                int arrived = receiver.receivedUnder(path).size();
                boolean done = arrived >= total || pending(hooked) == 0;
                if (done || System.nanoTime() - printed[0] < 5_000_000_000L) {
                  return done;
                }
                printed[0] = System.nanoTime();
                System.out.printf(
                    "  %.0f s after the ingest: %,d requests arrived; %s; endpoint %s; now %s%n",
                    (System.nanoTime() - ingested) / 1e9,
                    arrived,
                    jdbc.queryForList(
                        "select state, count(*) n, min(next_attempt_at) next, max(attempts) a,"
                            + " min(id) first from webhook_delivery where tenant_id = ?"
                            + " group by state",
                        hooked),
                    jdbc.queryForList(
                        "select active, lease_owner, lease_until, failing_since from"
                            + " webhook_endpoint where tenant_id = ?",
                        hooked),
                    Instant.now());
                return false;
              });
      long delivered = System.nanoTime();

      List<WebhookReceiver.Received> got = receiver.receivedUnder(path);
      Set<String> ids = new HashSet<>();
      long unsigned = 0;
      for (WebhookReceiver.Received r : got) {
        ids.add(r.id());
        unsigned += r.signatureValid() ? 0 : 1;
      }
      double ingestSeconds = (ingested - started) / 1e9;
      double allSeconds = (delivered - started) / 1e9;
      System.out.printf(
          "%nWebhookDeliveryBenchmark (%s): %,d reports, one endpoint subscribed to every event%n"
              + "  ingest with the outbox:    %,.0f reports/s (%.1f s)%n"
              + "  ingest without endpoints:  %,.0f reports/s (%.1f s)%n"
              + "  ingest phase (both tenants, interleaved): %.1f s%n"
              + "  delivered: %,d requests, %,d distinct events, %d unsigned, %d lost%n"
              + "  delivery rate over the whole run (first ingest to last delivery): %,.0f events/s"
              + " (%.1f s)%n"
              + "  when the ingest ended: %,d delivered (%,.0f events/s during the ingest phase),"
              + " %,d pending%n"
              + "  deliveries left when the ingest ended: delivered within %.1f s after it%n",
          database,
          total,
          total / (hookedNanos / 1e9),
          hookedNanos / 1e9,
          total / (plainNanos / 1e9),
          plainNanos / 1e9,
          ingestSeconds,
          got.size(),
          ids.size(),
          unsigned,
          total - ids.size(),
          ids.size() / allSeconds,
          allSeconds,
          total - pendingAtIngestEnd,
          (total - pendingAtIngestEnd) / ingestSeconds,
          pendingAtIngestEnd,
          (delivered - ingested) / 1e9);
      long portalDelivered =
          jdbc.queryForObject(
              "select count(*) from webhook_delivery where tenant_id = ? and state = 'DELIVERED'",
              Long.class,
              hooked);
      System.out.printf("  the portal recorded %,d deliveries as answered 2xx%n", portalDelivered);
      assertThat(unsigned).as("unsigned").isZero();
      assertThat(ids).as("distinct events delivered").hasSize(total);
    }
  }

  /** The portal's own count of the tenant's deliveries not yet delivered or failed. */
  private long pending(long tenant) {
    return jdbc.queryForObject(
        "select count(*) from webhook_delivery where tenant_id = ? and state = 'PENDING'",
        Long.class,
        tenant);
  }

  private void ingest(long tenant, List<StatusReport> answer) {
    TenantContext.runAs(
        tenant,
        () ->
            tx.executeWithoutResult(
                s -> reports.ingest(tenant, 1_000_000 + tenant, 0, answer, Instant.now())));
  }
}
