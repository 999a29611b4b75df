package com.smsportal.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.smsportal.DatabaseDependent;
import com.smsportal.MutableClock;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.TestMailServer;
import com.smsportal.dashboard.TestBalanceReadings;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.notifications.NoticeKind;
import com.smsportal.notifications.notice.NoPollCheck;
import com.smsportal.notifications.preference.Preferences;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notices' mail against a real SMTP server in the test JVM ({@link TestMailServer}, GreenMail):
 * a low balance mails its tenant admin once per fall below the threshold, and a mail server that is
 * down delays the mail without losing it, and two workers at once send it once.
 */
@PortalIntegrationTest
@DatabaseDependent(
    "the outbox's tables and the claim of one mail row by two workers at once: one conditional"
        + " update wins")
class NoticeMailIntegrationTests {

  private static final String PASSWORD = "a-good-password-26";

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired Preferences preferences;
  @Autowired MailWorker worker;
  @Autowired MutableClock clock;
  @Autowired NoPollCheck noPoll;

  @AfterEach
  void serverUpAndClockBack() {
    clock.reset();
    if (!TestMailServer.server().isRunning()) {
      TestMailServer.restart();
    }
  }

  /** A tenant with an admin who chose mail for low balances, and an account with a threshold. */
  private record Setup(long tenant, long account, String address, String secret) {}

  private Setup tenantWithLowBalanceMail(String language) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Notify " + suffix).id();
    long admin = users.create("notify-admin-" + suffix, PASSWORD, Role.TENANT_ADMIN, tenant);
    // A viewer of the same tenant gets no low-balance notice: only its admins do.
    users.create("notify-viewer-" + suffix, PASSWORD, Role.VIEWER, tenant);
    String address = "admin-" + suffix + "@example.com";
    preferences.save(
        admin, new Preferences.Preference(EnumSet.of(NoticeKind.BALANCE_LOW), address, language));
    String secret = "Gw-secret-" + suffix;
    long account = account(tenant, "Main " + suffix, suffix, secret);
    jdbc.update("update gateway_account set low_balance_threshold = 1000 where id = ?", account);
    return new Setup(tenant, account, address, secret);
  }

  /** A gateway account of the tenant, with this password, on an address no test calls. */
  private long account(long tenant, String name, String suffix, String secret) {
    return TenantContext.callAs(
        tenant,
        () ->
            accounts.ensure(
                name,
                TestEndpoints.of(endpoints, "https://gw.notify.example"),
                GatewayCharset.UTF8,
                String.valueOf(100_000 + Math.floorMod(suffix.hashCode(), 800_000)),
                "acct-" + suffix,
                secret));
  }

  private void reading(Setup setup, long balance) {
    TestBalanceReadings.record(context, setup.account(), setup.tenant(), balance, clock.instant());
  }

  private List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(TestMailServer.server().getReceivedMessages())
        .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(address))
        .toList();
  }

  private static jakarta.mail.Address[] recipients(MimeMessage message) {
    try {
      return message.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long notices(Setup setup) {
    return jdbc.queryForObject(
        "select count(*) from notice where kind = 'BALANCE_LOW' and link = ?",
        Long.class,
        "/accounts/" + setup.account());
  }

  @Test
  void aBalanceFallMailsOnceAndAgainOnlyAfterItWentBackAbove() throws Exception {
    Setup setup = tenantWithLowBalanceMail("en");

    reading(setup, 1200);
    reading(setup, 950);
    worker.round();
    List<MimeMessage> mails = mailsTo(setup.address());
    assertThat(mails).hasSize(1);
    assertThat(notices(setup)).isEqualTo(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).startsWith("[SMS Portal] Balance low: Main ");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("950").contains("1000").contains("/accounts/" + setup.account());
    assertThat(body + mail.getSubject()).doesNotContain(setup.secret());

    // Still low, lower again: no second notice, no second mail.
    reading(setup, 900);
    reading(setup, 100);
    worker.round();
    assertThat(mailsTo(setup.address())).hasSize(1);
    assertThat(notices(setup)).isEqualTo(1);

    // Back above, then below again: a new fall, told again.
    reading(setup, 5000);
    reading(setup, 800);
    worker.round();
    assertThat(mailsTo(setup.address())).hasSize(2);
    assertThat(notices(setup)).isEqualTo(2);
  }

  @Test
  void aMailServerThatIsDownDelaysTheMailLosesNothingAndTwoWorkersSendItOnce() throws Exception {
    Setup setup = tenantWithLowBalanceMail("zh-CN");
    TestMailServer.stop();

    reading(setup, 10);
    // The notice is there at once, whatever the mail server does.
    assertThat(notices(setup)).isEqualTo(1);
    worker.round();
    Long mailId =
        jdbc.queryForObject(
            "select m.id from notice_mail m join notice n on n.id = m.notice_id"
                + " where n.link = ? and m.address = ?",
            Long.class,
            "/accounts/" + setup.account(),
            setup.address());
    assertThat(state(mailId)).isEqualTo("PENDING 1");
    // Not due again before its retry: a round now does not try it.
    worker.round();
    assertThat(state(mailId)).isEqualTo("PENDING 1");

    TestMailServer.restart();
    clock.advance(Duration.ofMinutes(2));
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> rounds =
        List.of(1, 2).stream()
            .map(
                n ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          await(start);
                          return worker.round();
                        }))
            .toList();
    start.countDown();
    rounds.forEach(CompletableFuture::join);

    List<MimeMessage> mails = mailsTo(setup.address());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).startsWith("【短信门户】余额不足：Main ");
    assertThat(state(mailId)).isEqualTo("SENT 2");
    // Sent is sent: later rounds leave it alone.
    clock.advance(Duration.ofHours(2));
    worker.round();
    assertThat(mailsTo(setup.address())).hasSize(1);
  }

  /**
   * The silent-poller alert reaches the operator's admins by mail too: the admin who chose mail for
   * it gets one mail in their language, once per silence, however often the check runs.
   */
  @Test
  void anAccountThatStoppedBeingPolledMailsTheAdminWhoChoseMailOnce() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long admin = users.create("mail-admin-" + suffix, PASSWORD, Role.ADMIN, null);
    String address = "ops-" + suffix + "@example.com";
    preferences.save(
        admin, new Preferences.Preference(EnumSet.of(NoticeKind.NO_POLL), address, "zh-CN"));
    long tenant = tenants.create("Quiet " + suffix).id();
    String name = "Quiet " + suffix;
    String secret = "Gw-secret-" + suffix;
    long account = account(tenant, name, suffix, secret);
    jdbc.update(
        "insert into poller_state (account_id, tenant_id, last_success_at, failures,"
            + " fetched_today) values (?, ?, ?, 0, 0)",
        account,
        tenant,
        LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(40)), ZoneOffset.UTC));

    noPoll.check();
    noPoll.check();
    worker.round();
    worker.round();

    List<MimeMessage> mails = mailsTo(address);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("【短信门户】轮询中断：" + name);
    String body = GreenMailUtil.getBody(mails.get(0));
    assertThat(body + mails.get(0).getSubject()).doesNotContain(secret);
  }

  private String state(long mailId) {
    return jdbc.queryForObject(
        "select concat(state, ' ', attempts) from notice_mail where id = ?", String.class, mailId);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
