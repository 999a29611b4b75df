package com.smsportal.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MutableClock;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.gatewayaccount.account.RotationSteps;
import com.smsportal.notifications.NoticeKind;
import com.smsportal.notifications.preference.Preferences;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notices as their readers meet them: the silent-poller notice reaches every admin once per
 * silence; the bell counts a user's unread notices, marking read clears it, and another user's
 * notice is not there to mark; the settings page refuses a bad address next to its field.
 */
@PortalIntegrationTest
@DatabaseDependent(
    "a silence told once by its unique episode key, the notices' keyset page and counts in SQL")
class NoticeIntegrationTests {

  private static final String PASSWORD = "a-good-password-26";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired Notices notices;
  @Autowired Preferences preferences;
  @Autowired NoPollCheck noPoll;
  @Autowired MutableClock clock;
  @Autowired RotationSteps rotations;

  @Test
  void anAccountWithoutASuccessfulPollNotifiesEveryAdminOncePerSilence() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Silent " + suffix).id();
    users.create("silent-admin-" + suffix, PASSWORD, Role.ADMIN, null);
    String name = "Silent " + suffix;
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, "https://gw.silent.example"),
                    GatewayCharset.UTF8,
                    String.valueOf(100_000 + Math.floorMod(suffix.hashCode(), 800_000)),
                    "acct-" + suffix,
                    "Pw-" + suffix));
    lastSuccess(account, Duration.ofMinutes(10));
    noPoll.check();
    assertThat(told(name)).isZero();

    lastSuccess(account, Duration.ofMinutes(31));
    noPoll.check();
    noPoll.check();
    long admins =
        jdbc.queryForObject(
            "select count(*) from portal_user where role = 'ADMIN' and enabled = true", Long.class);
    assertThat(told(name)).isEqualTo(admins).isGreaterThanOrEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "select u.role from notice n join portal_user u on u.id = n.user_id"
                    + " where n.kind = 'NO_POLL' and n.params like ?",
                String.class,
                "%" + name + "%"))
        .containsOnly("ADMIN");

    // A poll succeeds, then the account falls silent again: a new silence, told again.
    lastSuccess(account, Duration.ZERO);
    noPoll.check();
    assertThat(told(name)).isEqualTo(admins);
    lastSuccess(account, Duration.ofMinutes(45));
    noPoll.check();
    assertThat(told(name)).isEqualTo(2 * admins);
  }

  @Test
  void aSuspensionTellsTheTenantsUsersAndARotationInDoubtTellsTheAdminsWithoutThePassword() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Suspended " + suffix).id();
    long admin = users.create("susp-admin-" + suffix, PASSWORD, Role.TENANT_ADMIN, tenant);
    long viewer = users.create("susp-viewer-" + suffix, PASSWORD, Role.VIEWER, tenant);
    String newPassword = "New-pw-" + suffix;
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    "Rotating " + suffix,
                    TestEndpoints.of(endpoints, "https://gw.rotating.example"),
                    GatewayCharset.UTF8,
                    String.valueOf(100_000 + Math.floorMod(suffix.hashCode(), 800_000)),
                    "acct-" + suffix,
                    "Old-pw-" + suffix));
    RotationSteps.Start start =
        TenantContext.callAs(tenant, () -> rotations.start(account, newPassword)).orElseThrow();
    // The gateway's answer to the change was lost: the rotation is in doubt.
    assertThat(
            TenantContext.callAs(
                tenant,
                () ->
                    rotations.end(
                        start.rotation(),
                        RotationSteps.Ending.UNKNOWN,
                        AuditDetail.of("audit.detail.rotation.interrupted"))))
        .isTrue();
    List<String> doubts =
        jdbc.queryForList(
            "select u.role from notice n join portal_user u on u.id = n.user_id"
                + " where n.kind = 'ROTATION_IN_DOUBT' and n.link = ?",
            String.class,
            "/accounts/" + account);
    assertThat(doubts).isNotEmpty().containsOnly("ADMIN");
    assertThat(
            jdbc.queryForList(
                "select params from notice where link = ?", String.class, "/accounts/" + account))
        .allSatisfy(p -> assertThat(p).contains("Rotating " + suffix).doesNotContain("pw-"));

    tenants.suspend(tenant, "unpaid");
    assertThat(
            jdbc.queryForList(
                "select user_id from notice where kind = 'TENANT_SUSPENDED' and params = ?",
                Long.class,
                "Suspended " + suffix))
        .containsExactlyInAnyOrder(admin, viewer);
  }

  private void lastSuccess(long account, Duration ago) {
    LocalDateTime at = LocalDateTime.ofInstant(clock.instant().minus(ago), ZoneOffset.UTC);
    jdbc.update("delete from poller_state where account_id = ?", account);
    jdbc.update(
        "insert into poller_state (account_id, tenant_id, last_success_at, failures,"
            + " fetched_today) select id, tenant_id, ?, 0, 0 from gateway_account where id = ?",
        at,
        account);
  }

  private long told(String accountName) {
    return jdbc.queryForObject(
        "select count(*) from notice where kind = 'NO_POLL' and params like ?",
        Long.class,
        "%" + accountName + "%");
  }

  @Test
  void theBellCountsUnreadNoticesAndMarkingReadClearsThemOnlyForTheirOwnUser() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Bell " + suffix).id();
    String sender = "bell-sender-" + suffix;
    long senderId = users.create(sender, PASSWORD, Role.SENDER, tenant);
    long otherId = users.create("bell-other-" + suffix, PASSWORD, Role.SENDER, tenant);
    notices.notify(NoticeKind.JOB_FINISHED, List.of(senderId), "/jobs/41", List.of(41, 0));
    notices.notify(NoticeKind.JOB_FINISHED, List.of(senderId), "/jobs/42", List.of(42, 3));
    notices.notify(NoticeKind.JOB_FINISHED, List.of(otherId), "/jobs/43", List.of(43, 0));
    long othersNotice =
        jdbc.queryForObject("select id from notice where user_id = ?", Long.class, otherId);
    MockHttpSession session = Logins.as(mvc, sender, PASSWORD);

    assertThat(page(session, "/notifications/count")).contains("id=\"bell-count\"").contains(">2<");
    assertThat(page(session, "/")).contains("id=\"notifications-bell\"");
    String list = page(session, "/notifications");
    assertThat(list)
        .contains("Send job 42 has finished with 3 chunks of unknown outcome")
        .contains("Send job 41 has finished: every chunk has the gateway answer.")
        .doesNotContain("Send job 43")
        .containsSubsequence("Send job 42", "Send job 41");

    long first =
        jdbc.queryForObject(
            "select id from notice where user_id = ? and link = '/jobs/41'", Long.class, senderId);
    mvc.perform(post("/notifications/{id}/read", first).session(session).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page(session, "/notifications/count")).contains(">1<");
    // Another user's notice is not this user's to see or mark: 404, and it stays unread.
    mvc.perform(post("/notifications/{id}/read", othersNotice).session(session).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(notices.unread(otherId)).isEqualTo(1);

    mvc.perform(post("/notifications/read-all").session(session).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page(session, "/notifications/count")).doesNotContain("bell-count");
    assertThat(page(session, "/notifications?unread=1")).contains("id=\"notices-empty\"");
    assertThat(notices.unread(otherId)).isEqualTo(1);
  }

  @Test
  void theSettingsRefuseABadAddressNextToItsFieldAndKeepAGoodOne() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Prefs " + suffix).id();
    String viewer = "prefs-viewer-" + suffix;
    long viewerId = users.create(viewer, PASSWORD, Role.VIEWER, tenant);
    MockHttpSession session = Logins.as(mvc, viewer, PASSWORD);
    assertThat(page(session, "/settings/notifications"))
        .contains("id=\"pref-tenant-suspended-mail\"")
        .doesNotContain("pref-balance-low");

    String refused =
        mvc.perform(
                post("/settings/notifications")
                    .session(session)
                    .param("lang", "en")
                    .param("TENANT_SUSPENDED", "MAIL")
                    .param("email", "not an address")
                    .param("language", "en")
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("id=\"email-error\"")
        .contains("This is not an e-mail address")
        .contains("value=\"not an address\"");
    assertThat(preferences.of(viewerId)).isEqualTo(Preferences.Preference.DEFAULTS);

    mvc.perform(
            post("/settings/notifications")
                .session(session)
                .param("TENANT_SUSPENDED", "MAIL")
                .param("email", "viewer-" + suffix + "@example.com")
                .param("language", "en")
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    Preferences.Preference saved = preferences.of(viewerId);
    assertThat(saved.mails(NoticeKind.TENANT_SUSPENDED)).isTrue();
    assertThat(saved.language()).isEqualTo("en");
  }

  private String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session).param("lang", "en"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
