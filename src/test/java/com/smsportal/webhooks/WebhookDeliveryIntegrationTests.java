package com.smsportal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.polling.PollNow;
import com.smsportal.sending.JobState;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.webhooks.delivery.DeliveryLog;
import com.smsportal.webhooks.delivery.DeliveryView;
import com.smsportal.webhooks.endpoint.EndpointForm;
import com.smsportal.webhooks.endpoint.WebhookEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Webhooks delivered to a real receiving server ({@link WebhookReceiver}, on 127.0.0.1: the shared
 * test settings allow private addresses and http), which checks every signature with its own
 * implementation of the specification. Each test's tenant is its own, so no other test's events
 * reach its endpoints.
 */
@DatabaseDependent("deliveries written in the ingest's transaction; the endpoint's lease")
@PortalWithWorkerTest
class WebhookDeliveryIntegrationTests {

  static WebhookReceiver receiver;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired SendJobs jobs;
  @Autowired WebhookEndpoints hooks;
  @Autowired DeliveryLog log;

  @BeforeAll
  static void receiver() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void close() {
    receiver.close();
  }

  @Test
  void reportsAReplyAndTheFinishedJobArriveSignedEachOnce() throws Exception {
    long tenant = tenants.create("Hooks " + UUID.randomUUID()).id();
    String path = "/ok/" + tenant;
    endpoint(tenant, path, EndpointForm.subscribable());
    SimulatorControl simulator = new SimulatorControl(port);
    SimulatorControl.OpenedAccount gw = simulator.open("hooks", 10_000);
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    "hooks-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    String prefix = "137" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    String delivered = prefix + "01";
    String failed = prefix + "04";
    SubmitResult job =
        TenantContext.callAs(
            tenant,
            () ->
                jobs.submit(
                    new SendOrder(
                        account,
                        delivered + "\n" + failed,
                        "【聚合云】您的包裹已到驿站。",
                        null,
                        "",
                        UUID.randomUUID().toString())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TenantContext.callAs(tenant, () -> jobs.find(job.jobId()).orElseThrow().state())
                    == JobState.FINISHED);
    assertThat(PollNow.reports(context, account)).isEqualTo(2);
    simulator.reply(gw.account(), delivered, "收到，谢谢");

    // The reply comes with a poll of its own (the poller may leave replies for its next round).
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (receiver.receivedUnder(path).size() < 4) {
                PollNow.reports(context, account);
              }
              return receiver.receivedUnder(path).size() >= 4;
            });
    List<WebhookReceiver.Received> got = receiver.receivedUnder(path);
    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid, "signed");
    assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
    assertThat(one(got, "message.delivered").body())
        .startsWith("{\"type\":\"message.delivered\",\"timestamp\":\"")
        .contains("\"mobile\":\"" + delivered + "\"", "\"jobId\":" + job.jobId());
    assertThat(one(got, "message.failed").body()).contains("\"mobile\":\"" + failed + "\"");
    assertThat(one(got, "reply.received").body())
        .contains("\"content\":\"收到，谢谢\"", "\"mobile\":\"" + delivered + "\"");
    assertThat(one(got, "job.finished").body()).contains("\"jobId\":" + job.jobId());
    assertThat(got).hasSize(4);
  }

  @Test
  void aReceiverFailingThreeTimesGetsTheEventExactlyOnceMore() throws Exception {
    long tenant = tenants.create("Hooks " + UUID.randomUUID()).id();
    String path = "/flaky/" + tenant;
    long endpoint = endpoint(tenant, path, List.of("job.finished"));
    receiver.failFirst(3);

    assertThat(TenantContext.callAs(tenant, () -> hooks.sendTest(endpoint))).isTrue();

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedUnder(path).size() >= 4);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedUnder(path).size() == 4);
    List<WebhookReceiver.Received> got = receiver.receivedUnder(path);
    assertThat(got).extracting(WebhookReceiver.Received::id).containsOnly(got.get(0).id());
    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid, "signed");
    DeliveryView delivery = TenantContext.callAs(tenant, () -> log.page(endpoint, null, 10)).get(0);
    assertThat(delivery.state()).isEqualTo("DELIVERED");
    assertThat(delivery.attempts()).isEqualTo(4);
    assertThat(delivery.lastStatus()).isEqualTo(204);
  }

  private long endpoint(long tenant, String path, List<String> events) {
    WebhookEndpoints.Saved saved =
        TenantContext.callAs(
                tenant, () -> hooks.save(null, new EndpointForm(receiver.url(path), events, true)))
            .orElseThrow();
    assertThat(saved.faults()).isEmpty();
    receiver.secret(path, saved.secret());
    return saved.endpoint().id();
  }

  private static WebhookReceiver.Received one(List<WebhookReceiver.Received> got, String type) {
    List<WebhookReceiver.Received> ofType = got.stream().filter(r -> r.isOfType(type)).toList();
    assertThat(ofType).as(type).hasSize(1);
    return ofType.get(0);
  }
}
