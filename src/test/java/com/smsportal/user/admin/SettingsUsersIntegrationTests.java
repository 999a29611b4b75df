package com.smsportal.user.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.secondfactor.SecondFactorFixture;
import com.smsportal.user.secondfactor.SecondFactors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A tenant admin's own users page ({@code /settings/users}, issue 25): never another tenant's user
 * or a staff member, never the tenant's last admin; every change audited.
 */
@PortalIntegrationTest
@DatabaseDependent("the last-admin guard's locking read (SELECT ... FOR UPDATE) and last sign-ins")
class SettingsUsersIntegrationTests {

  private static final String PASSWORD = "a-good-password-25";

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired UserService userService;
  @Autowired PortalUserRepository users;
  @Autowired SecondFactors secondFactors;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  long tenant;
  String adminName;
  MockHttpSession admin;

  @BeforeEach
  void aTenantWithItsAdmin() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = tenants.create("Settings " + suffix).id();
    adminName = "boss-" + suffix;
    userService.create(adminName, PASSWORD, Role.TENANT_ADMIN, tenant);
    admin = Logins.as(mvc, adminName, PASSWORD);
  }

  @Test
  void anAdminAddsAUserWithARoleWhoSignsInWithThePasswordShownOnce() throws Exception {
    String name = name("viewer");
    MvcResult created =
        mvc.perform(
                post("/settings/users")
                    .param("username", name)
                    .param("role", "VIEWER")
                    .session(admin)
                    .with(csrf()))
            .andExpect(redirectedUrl("/settings/users"))
            .andReturn();
    IssuedPassword issued = (IssuedPassword) created.getFlashMap().get("issued");
    assertThat(issued.username()).isEqualTo(name);
    PortalUser user = users.findByUsername(name).orElseThrow();
    assertThat(user.getRole()).isEqualTo(Role.VIEWER);
    assertThat(user.getTenantId()).isEqualTo(tenant);
    assertThat(user.getPasswordHash()).doesNotContain(issued.password());
    assertThat(page(get("/settings/users").flashAttr("issued", issued)))
        .contains(issued.password())
        .contains("只读成员");
    assertThat(page(get("/settings/users"))).doesNotContain(issued.password()).contains(name);
    assertThat(audit("USER_CREATED", name)).containsEntry("tenant_id", tenant);
    MockHttpSession viewer = Logins.as(mvc, name, issued.password());
    mvc.perform(get("/").session(viewer)).andExpect(redirectedUrl("/account/password"));
  }

  @Test
  void aRoleOutsideTheTenantsRolesIsRefusedAndNothingIsCreated() throws Exception {
    String name = name("nope");
    String body =
        mvc.perform(
                post("/settings/users")
                    .param("username", name)
                    .param("role", "ADMIN")
                    .session(admin)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("alert-error");
    assertThat(users.findByUsername(name)).isEmpty();
  }

  @Test
  void disablingAndEnablingAskFirstAndDisablingEndsTheUsersSession() throws Exception {
    String name = user(Role.SENDER);
    long id = id(name);
    MockHttpSession sender = Logins.as(mvc, name, PASSWORD);

    assertThat(page(get("/settings/users/" + id + "/disable")))
        .contains("id=\"confirm-submit\"")
        .contains("/settings/users/" + id + "/disable");
    assertThat(users.findById(id).orElseThrow().isEnabled()).isTrue();

    mvc.perform(post("/settings/users/" + id + "/disable").session(admin).with(csrf()))
        .andExpect(redirectedUrl("/settings/users"))
        .andExpect(flash().attribute("done", "user.done.disabled"));
    assertThat(users.findById(id).orElseThrow().isEnabled()).isFalse();
    mvc.perform(get("/jobs").session(sender)).andExpect(redirectedUrl("/login?expired"));
    assertThat(audit("USER_DISABLED", name)).containsEntry("actor", adminName);

    assertThat(page(get("/settings/users/" + id + "/enable")))
        .contains("/settings/users/" + id + "/enable");
    mvc.perform(post("/settings/users/" + id + "/enable").session(admin).with(csrf()))
        .andExpect(redirectedUrl("/settings/users"));
    assertThat(users.findById(id).orElseThrow().isEnabled()).isTrue();
    assertThat(audit("USER_ENABLED", name)).containsEntry("actor", adminName);
    Logins.as(mvc, name, PASSWORD);
  }

  @Test
  void anotherRoleTakesEffectAtTheUsersNextSignIn() throws Exception {
    String name = user(Role.SENDER);
    long id = id(name);
    MockHttpSession before = Logins.as(mvc, name, PASSWORD);
    mvc.perform(get("/send").session(before)).andExpect(status().isOk());

    mvc.perform(newRole(id, "VIEWER", admin))
        .andExpect(redirectedUrl("/settings/users"))
        .andExpect(flash().attribute("done", "user.done.roleChanged"));
    assertThat(users.findById(id).orElseThrow().getRole()).isEqualTo(Role.VIEWER);
    mvc.perform(get("/send").session(before)).andExpect(redirectedUrl("/login?expired"));
    MockHttpSession after = Logins.as(mvc, name, PASSWORD);
    mvc.perform(get("/send").session(after)).andExpect(status().isForbidden());
    mvc.perform(get("/jobs").session(after)).andExpect(status().isOk());
    assertThat(String.valueOf(audit("USER_ROLE_CHANGED", name).get("detail")))
        .contains("role.SENDER")
        .contains("role.VIEWER");
  }

  @Test
  void theTenantsLastEnabledAdminCannotBeDemotedOrDisabled() throws Exception {
    long me = id(adminName);
    mvc.perform(newRole(me, "SENDER", admin))
        .andExpect(redirectedUrl("/settings/users"))
        .andExpect(flash().attribute("refused", "user.error.lastAdmin"));
    mvc.perform(post("/settings/users/" + me + "/disable").session(admin).with(csrf()))
        .andExpect(flash().attribute("refused", "user.error.lastAdmin"));
    PortalUser still = users.findById(me).orElseThrow();
    assertThat(still.getRole()).isEqualTo(Role.TENANT_ADMIN);
    assertThat(still.isEnabled()).isTrue();
    assertThat(page(get("/settings/users").flashAttr("refused", "user.error.lastAdmin")))
        .contains("至少要保留一名启用的企业管理员");

    // With a second admin, the first may step down; the second is then the last one.
    String other = user(Role.TENANT_ADMIN);
    mvc.perform(newRole(me, "SENDER", admin))
        .andExpect(flash().attribute("done", "user.done.roleChanged"));
    assertThat(users.findById(me).orElseThrow().getRole()).isEqualTo(Role.SENDER);
    MockHttpSession second = Logins.as(mvc, other, PASSWORD);
    mvc.perform(newRole(id(other), "VIEWER", second))
        .andExpect(flash().attribute("refused", "user.error.lastAdmin"));
  }

  @Test
  void anAdminResetsAPasswordAndASecondFactorAndRequiresOneOfTheTenant() throws Exception {
    String name = user(Role.SENDER);
    long id = id(name);
    SecondFactorFixture.enrol(context, id);

    MvcResult reset =
        mvc.perform(post("/settings/users/" + id + "/reset-password").session(admin).with(csrf()))
            .andExpect(redirectedUrl("/settings/users"))
            .andReturn();
    IssuedPassword issued = (IssuedPassword) reset.getFlashMap().get("issued");
    assertThat(issued.username()).isEqualTo(name);
    assertThat(users.findById(id).orElseThrow().isMustChangePassword()).isTrue();
    assertThat(audit("USER_PASSWORD_RESET", name)).containsEntry("tenant_id", tenant);

    assertThat(page(get("/settings/users"))).contains("reset-second-factor-" + name);
    mvc.perform(post("/settings/users/" + id + "/reset-second-factor").session(admin).with(csrf()))
        .andExpect(flash().attribute("done", "user.done.secondFactorReset"));
    assertThat(secondFactors.enrolled(id)).isFalse();
    assertThat(audit("SECOND_FACTOR_RESET", name)).containsEntry("actor", adminName);

    mvc.perform(
            post("/settings/users/second-factor")
                .param("required", "true")
                .session(admin)
                .with(csrf()))
        .andExpect(flash().attribute("done", "user.done.secondFactorRequired"));
    assertThat(secondFactors.requiredOf(tenant)).isTrue();
    assertThat(audit("SECOND_FACTOR_POLICY_CHANGED", null)).containsEntry("tenant_id", tenant);
  }

  @Test
  void anotherTenantsUserAndAStaffMemberAreNotFoundAndStayAsTheyWere() throws Exception {
    for (String name : List.of("globex", "support")) {
      PortalUser before = users.findByUsername(name).orElseThrow();
      long id = before.getId();
      for (String action : List.of("disable", "enable")) {
        mvc.perform(get("/settings/users/" + id + "/" + action).session(admin))
            .andExpect(status().isNotFound());
      }
      for (String action :
          List.of("disable", "enable", "reset-password", "reset-second-factor", "role")) {
        mvc.perform(
                post("/settings/users/" + id + "/" + action)
                    .param("role", "VIEWER")
                    .session(admin)
                    .with(csrf()))
            .andExpect(status().isNotFound());
      }
      PortalUser after = users.findById(id).orElseThrow();
      assertThat(after.getRole()).isEqualTo(before.getRole());
      assertThat(after.isEnabled()).isEqualTo(before.isEnabled());
      assertThat(after.getPasswordHash()).isEqualTo(before.getPasswordHash());
    }
    assertThat(page(get("/settings/users"))).doesNotContain("globex").contains(adminName);
  }

  @Test
  void aSenderAndAViewerAreRefusedTheUsersPage() throws Exception {
    long target = id(adminName);
    for (Role role : List.of(Role.SENDER, Role.VIEWER)) {
      MockHttpSession session = Logins.as(mvc, user(role), PASSWORD);
      mvc.perform(get("/settings/users").session(session)).andExpect(status().isForbidden());
      mvc.perform(
              post("/settings/users")
                  .param("username", name("x"))
                  .param("role", "TENANT_ADMIN")
                  .session(session)
                  .with(csrf()))
          .andExpect(status().isForbidden());
      mvc.perform(post("/settings/users/" + target + "/disable").session(session).with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertThat(users.findById(target).orElseThrow().isEnabled()).isTrue();
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.session(admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static MockHttpServletRequestBuilder newRole(long id, String role, MockHttpSession who) {
    return post("/settings/users/" + id + "/role").param("role", role).session(who).with(csrf());
  }

  private String user(Role role) {
    String name = name(role.name().toLowerCase().replace('_', '-'));
    userService.create(name, PASSWORD, role, tenant);
    return name;
  }

  private long id(String name) {
    return users.findByUsername(name).orElseThrow().getId();
  }

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The latest audit entry of the action (on the target, if given). */
  private Map<String, Object> audit(String action, String target) {
    return target == null
        ? jdbc.queryForMap(
            "select * from audit_event where action = ? and tenant_id = ?"
                + " order by id desc limit 1",
            action,
            tenant)
        : jdbc.queryForMap(
            "select * from audit_event where action = ? and target = ? and tenant_id = ?"
                + " order by id desc limit 1",
            action,
            target,
            tenant);
  }
}
