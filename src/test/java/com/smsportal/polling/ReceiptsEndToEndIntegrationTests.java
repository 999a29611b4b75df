package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.JobState;
import com.smsportal.sending.JobView;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.SendConfirmation;
import com.smsportal.sending.SendJobs;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole loop as a customer lives it, on the simulator: a job is sent, its status reports are
 * polled and give each number its outcome, a phone's reply appears on {@code /replies} linked to
 * the job, and a phone that answers 退订 is left out of the next send. The account is one of its own
 * at the simulator, whose reports and replies are this test's alone.
 */
@DatabaseDependent("reports matched to sent numbers, replies to jobs and opt-outs, in SQL")
@PortalWithWorkerTest
class ReceiptsEndToEndIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired PollScheduler poller;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendJobs jobs;

  @Test
  void sentReportedRepliedAndOptedOut() throws Exception {
    MockHttpSession acme = Logins.as(mvc, "acme");
    long acmeId = tenants.findByName("Acme").orElseThrow().id();
    SimulatorControl simulator = new SimulatorControl(port);
    SimulatorControl.OpenedAccount gw = simulator.open("e2e", 10_000);
    long account =
        TenantContext.callAs(
            acmeId,
            () ->
                accounts.ensure(
                    "e2e-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    String prefix = "137" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    String delivered = prefix.substring(0, 9) + "01";
    String alsoDelivered = prefix.substring(0, 9) + "02";
    String failed = prefix.substring(0, 9) + "04";

    long first = send(acme, account, delivered + "\n" + alsoDelivered + "\n" + failed);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> job(acmeId, first).state() == JobState.FINISHED);
    AccountPoller.Round reports = poller.pollNow(account).orElseThrow();

    assertThat(reports.reports()).isEqualTo(3);
    assertThat(job(acmeId, first).numbers())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(NumberState.DELIVERED, 2L, NumberState.FAILED, 1L));
    assertThat(page(acme, "/jobs/" + first + "?state=FAILED"))
        .contains(failed)
        .contains("UNDELIV")
        .doesNotContain(delivered);
    String receipts = page(acme, "/receipts?mobile=" + failed);
    assertThat(receipts).contains(failed).contains("UNDELIV").contains("/jobs/" + first);

    simulator.reply(gw.account(), alsoDelivered, "收到<b>谢谢</b>");
    simulator.reply(gw.account(), delivered, "退订");
    AccountPoller.Round replies = poller.pollNow(account).orElseThrow();

    assertThat(replies.replies()).isEqualTo(2);
    String replyPage = page(acme, "/replies?mobile=" + alsoDelivered);
    assertThat(replyPage).contains("收到&lt;b&gt;谢谢&lt;/b&gt;").contains("/jobs/" + first);
    assertThat(page(acme, "/optouts")).contains(delivered).doesNotContain(alsoDelivered);
    assertThat(page(acme, "/"))
        .as("the dashboard's latest replies")
        .contains("收到&lt;b&gt;谢谢&lt;/b&gt;")
        .doesNotContain("收到<b>");

    long second = send(acme, account, delivered + "\n" + alsoDelivered);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> job(acmeId, second).state() == JobState.FINISHED);
    JobView next = job(acmeId, second);
    assertThat(next.optedOutCount()).isEqualTo(1);
    assertThat(next.numbers()).containsExactlyEntriesOf(Map.of(NumberState.SUBMITTED, 1L));
  }

  private long send(MockHttpSession session, long account, String mobiles) throws Exception {
    String location =
        SendConfirmation.sendAndConfirm(
                mvc,
                post("/send")
                    .param("accountId", Long.toString(account))
                    .param("mobiles", mobiles)
                    .param("content", "【聚合云】您的包裹已到驿站。")
                    .param("idempotencyKey", UUID.randomUUID().toString())
                    .session(session)
                    .with(csrf()),
                session)
            .getRedirectedUrl();
    assertThat(location).startsWith("/jobs/");
    return Long.parseLong(location.substring("/jobs/".length()));
  }

  private String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
  }

  private JobView job(long tenant, long id) {
    return TenantContext.callAs(tenant, () -> jobs.find(id).orElseThrow());
  }
}
