package com.smsportal.user.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUserRepository;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PortalIntegrationTest
class UserManagementIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired PortalUserRepository users;

  MockHttpSession support;
  TenantView tenant;

  @BeforeEach
  void setUp() throws Exception {
    support = Logins.as(mvc, "support");
    tenant = tenants.create("T-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void aNewCustomerGetsAOneTimePasswordAndMustChooseTheirOwnBeforeAnythingElse() throws Exception {
    String name = newName();
    String temporary = createCustomer(name);
    assertThat(users.findByUsername(name).orElseThrow().getPasswordHash())
        .doesNotContain(temporary);

    MockHttpSession customer = Logins.as(mvc, name, temporary);
    mvc.perform(get("/").session(customer)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/").header("HX-Request", "true").session(customer))
        .andExpect(header().string("HX-Redirect", "/account/password"));
    // The bell's poll on the password page itself: nothing, no redirect to reload it (issue 26).
    mvc.perform(get("/notifications/count").header("HX-Request", "true").session(customer))
        .andExpect(status().isNoContent())
        .andExpect(header().doesNotExist("HX-Redirect"));

    assertThat(changePassword(customer, "wrong-current", "Sunny-Day-42", "Sunny-Day-42"))
        .contains("当前密码不正确。");
    assertThat(changePassword(customer, temporary, "short1", "short1")).contains("至少需要 12 个字符");
    assertThat(changePassword(customer, temporary, "password1234", "password1234"))
        .contains("这是一个常见密码");
    assertThat(changePassword(customer, temporary, name + "-2026x", name + "-2026x"))
        .contains("不能包含用户名");
    assertThat(changePassword(customer, temporary, "Sunny-Day-42", "Sunny-Day-43"))
        .contains("两次输入的新密码不一致");
    mvc.perform(get("/").session(customer)).andExpect(redirectedUrl("/account/password"));

    mvc.perform(
            post("/account/password")
                .param("current", temporary)
                .param("password", "Sunny-Day-42")
                .param("repeat", "Sunny-Day-42")
                .session(customer)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(customer)).andExpect(status().isOk());
    Logins.as(mvc, name, "Sunny-Day-42");
  }

  @Test
  void aTakenOrMalformedUserNameIsRefusedAndNothingIsCreated() throws Exception {
    long before = users.count();
    assertThat(createCustomerPage("ACME")).contains("该用户名已被使用。");
    assertThat(createCustomerPage("a b")).contains("id=\"username-error\"");
    assertThat(createCustomerPage("ab")).contains("id=\"username-error\"");
    assertThat(users.count()).isEqualTo(before);
  }

  @Test
  void resettingAPasswordRetiresTheOldOneAndAsksForANewChoice() throws Exception {
    String name = newName();
    String first = createCustomer(name);
    long id = users.findByUsername(name).orElseThrow().getId();

    MvcResult reset =
        mvc.perform(post("/support/users/" + id + "/reset-password").session(support).with(csrf()))
            .andExpect(redirectedUrl("/support/tenants/" + tenant.id() + "/users"))
            .andReturn();
    String second = ((IssuedPassword) reset.getFlashMap().get("issued")).password();
    assertThat(second).isNotEqualTo(first).hasSize(14);

    mvc.perform(formLogin("/login").user(name).password(first))
        .andExpect(redirectedUrl("/login?error=bad"));
    MockHttpSession customer = Logins.as(mvc, name, second);
    mvc.perform(get("/").session(customer)).andExpect(redirectedUrl("/account/password"));
  }

  @Test
  void disablingEndsTheSessionAndStopsLoginsUntilEnabledAgain() throws Exception {
    String name = newName();
    String temporary = createCustomer(name);
    long id = users.findByUsername(name).orElseThrow().getId();
    MockHttpSession customer = Logins.as(mvc, name, temporary);

    mvc.perform(post("/support/users/" + id + "/disable").session(support).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/account/password").session(customer))
        .andExpect(redirectedUrl("/login?expired"));
    mvc.perform(formLogin("/login").user(name).password(temporary))
        .andExpect(redirectedUrl("/login?error=disabled"));

    mvc.perform(post("/support/users/" + id + "/enable").session(support).with(csrf()))
        .andExpect(status().is3xxRedirection());
    Logins.as(mvc, name, temporary);
  }

  @Test
  void onlyAnAdministratorCreatesOrManagesAdministrators() throws Exception {
    String name = newName();
    long before = users.count();
    String page =
        mvc.perform(
                post("/support/staff")
                    .param("username", name)
                    .param("role", "ADMIN")
                    .session(support)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("您不能创建该角色的用户。");
    assertThat(users.count()).isEqualTo(before);

    long adminId = users.findByUsername("admin").orElseThrow().getId();
    mvc.perform(post("/support/users/" + adminId + "/reset-password").session(support).with(csrf()))
        .andExpect(status().isForbidden());

    MockHttpSession admin = Logins.as(mvc, "admin");
    mvc.perform(
            post("/support/staff")
                .param("username", name)
                .param("role", "ADMIN")
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/staff"));
    assertThat(users.findByUsername(name).orElseThrow().getRole()).isEqualTo(Role.ADMIN);
  }

  /**
   * Support is not offered what only an administrator may do: the administrator's row has no form
   * that would end in a 403, but the buttons, disabled, and the reason; an administrator gets the
   * forms.
   */
  @Test
  void supportSeesWhyItCannotManageAnAdministratorInsteadOfButtonsThatFail() throws Exception {
    long adminId = users.findByUsername("admin").orElseThrow().getId();
    long supportId = users.findByUsername("support").orElseThrow().getId();
    String resetAdmin = "/support/users/" + adminId + "/reset-password";

    String asSupport = page("/support/staff", support);
    assertThat(asSupport)
        .doesNotContain(resetAdmin)
        .doesNotContain("/support/users/" + adminId + "/disable")
        .contains("只有管理员可以重置或停用管理员账户。")
        // Support's own colleagues keep their actions.
        .contains("/support/users/" + supportId + "/reset-password");

    String asAdmin = page("/support/staff", Logins.as(mvc, "admin"));
    assertThat(asAdmin).contains(resetAdmin).doesNotContain("只有管理员可以重置或停用管理员账户。");
  }

  @Test
  void nobodyDisablesThemselves() throws Exception {
    long supportId = users.findByUsername("support").orElseThrow().getId();
    mvc.perform(post("/support/users/" + supportId + "/disable").session(support).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(users.findById(supportId).orElseThrow().isEnabled()).isTrue();
  }

  @Test
  void supportAddsASenderAndTheFormWithoutARoleStillAddsATenantAdmin() throws Exception {
    String sender = newName();
    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/users")
                .param("username", sender)
                .param("role", "SENDER")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id() + "/users"));
    String admin2 = newName();
    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/users")
                .param("username", admin2)
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id() + "/users"));
    assertThat(users.findByUsername(sender).orElseThrow().getRole()).isEqualTo(Role.SENDER);
    assertThat(users.findByUsername(admin2).orElseThrow().getRole()).isEqualTo(Role.TENANT_ADMIN);
    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/users")
                .param("username", newName())
                .param("role", "SUPPORT")
                .session(support)
                .with(csrf()))
        .andExpect(status().isOk());
  }

  private String createCustomer(String name) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/support/tenants/" + tenant.id() + "/users")
                    .param("username", name)
                    .param("displayName", "李女士")
                    .session(support)
                    .with(csrf()))
            .andExpect(redirectedUrl("/support/tenants/" + tenant.id() + "/users"))
            .andReturn();
    IssuedPassword issued = (IssuedPassword) result.getFlashMap().get("issued");
    // The page the redirect leads to shows it, from the session's flash map, once.
    String page =
        mvc.perform(get("/support/tenants/" + tenant.id() + "/users").session(support))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(issued.password()).contains("只显示这一次");
    String later =
        mvc.perform(get("/support/tenants/" + tenant.id() + "/users").session(support))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(later).contains(name).doesNotContain(issued.password());
    return issued.password();
  }

  private String createCustomerPage(String name) throws Exception {
    return mvc.perform(
            post("/support/tenants/" + tenant.id() + "/users")
                .param("username", name)
                .session(support)
                .with(csrf()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String changePassword(
      MockHttpSession session, String current, String password, String repeat) throws Exception {
    return mvc.perform(
            post("/account/password")
                .param("current", current)
                .param("password", password)
                .param("repeat", repeat)
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String newName() {
    return "u" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String page(String path, MockHttpSession session) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
