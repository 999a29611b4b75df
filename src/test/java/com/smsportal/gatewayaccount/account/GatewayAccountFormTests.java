package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.smsportal.audit.AuditLog;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointUnavailableException;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.tenant.TenantScopedPrincipal;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Links;
import com.smsportal.web.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The gateway account form's refusals, each shown next to its field with its message, and nothing
 * asked of the service that stores: the controller and its page only, the services mocked. What the
 * stored rows then hold is {@link GatewayAccountIntegrationTests}'.
 */
@WebMvcTest(GatewayAccountController.class)
@Import({Times.class, Links.class, NewAccountDefaults.class})
class GatewayAccountFormTests {

  static final long ENDPOINT = 7;
  static final long TENANT = 41;

  @Autowired MockMvc mvc;

  @MockitoBean AccountQueries accounts;
  @MockitoBean AccountChanges changes;
  @MockitoBean EndpointDirectory endpoints;
  @MockitoBean GatewayPasswordCheck passwordCheck;
  @MockitoBean TenantService tenants;
  // What the slice's other web configuration (the staff's "view as") needs.
  @MockitoBean AuditLog audit;

  @BeforeEach
  void anActiveEndpoint() {
    EndpointView endpoint =
        new EndpointView(
            ENDPOINT,
            "聚合云",
            "http://gateway.example:8088",
            GatewayCharset.GBK,
            "",
            true,
            Instant.EPOCH,
            "admin",
            Instant.EPOCH,
            "admin",
            null);
    given(endpoints.active()).willReturn(List.of(endpoint));
    given(endpoints.findActive(ENDPOINT)).willReturn(Optional.of(endpoint));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name|''|此项必填。",
        "name|" + GatewayAccountIntegrationTests.LONG_NAME + "|最多 100 个字符。",
        "endpointId|''|请从列表中选择一个可用的网关接入点。",
        "endpointId|abc|请从列表中选择网关接入点。",
        "endpointId|999999999|请从列表中选择一个可用的网关接入点。",
        "chunkSize|0|每批号码数须在 1 到 5000 之间。",
        "chunkSize|5001|每批号码数须在 1 到 5000 之间。",
        "chunkSize|many|请输入 1 到 5000 之间的整数。",
        "userid|abc|企业 ID 只能由数字组成（最多 20 位）。",
        "account|''|此项必填。",
        "password|''|此项必填。",
        "lowBalanceThreshold|-1|阈值须为 0 到 1000000000 之间的整数。"
      })
  void badInputIsShownNextToItsFieldAndNothingIsStored(String field, String value, String message)
      throws Exception {
    MockHttpServletResponse page = post(customer(), form(field, value));

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("id=\"" + field + "-error\">" + message + "</p>");
    verify(changes, never()).create(any(), any(), any(), anyBoolean());
  }

  @Test
  void twoDifferentPasswordsAreShownNextToTheRepetition() throws Exception {
    String page = post(customer(), form("passwordConfirmation", "typo")).getContentAsString();

    assertThat(page).contains("id=\"passwordConfirmation-error\">两次输入的密码不一致。</p>");
    verify(changes, never()).create(any(), any(), any(), anyBoolean());
  }

  @Test
  void staffWhoChoseNoTenantAreAskedToChooseOne() throws Exception {
    String page = post(staff(), form()).getContentAsString();

    assertThat(page).contains("id=\"tenantId-error\">请选择企业。</p>");
    verify(changes, never()).create(any(), any(), any(), anyBoolean());
  }

  @Test
  void aGatewayAccountRegisteredAlreadyIsShownNextToTheAccountOnceThePasswordIsAccepted()
      throws Exception {
    given(passwordCheck.check(any(), any())).willReturn(GatewayPasswordCheck.Outcome.ACCEPTED);
    given(changes.create(any(), any(), any(), anyBoolean()))
        .willThrow(new IdentityTakenException());

    String page = post(customer(), form()).getContentAsString();

    assertThat(page).contains("id=\"account-error\">网关接受了密码，但此网关账户（接入点、企业 ID 和账号）已在门户中登记并验证");
  }

  @Test
  void aPasswordTheGatewayRefusesIsShownNextToThePasswordAndNothingIsStored() throws Exception {
    given(passwordCheck.check(any(), any())).willReturn(GatewayPasswordCheck.Outcome.REFUSED);

    String page = post(customer(), form()).getContentAsString();

    assertThat(page).contains("id=\"password-error\">网关拒绝了此密码（连同此企业 ID 和账号），未保存。");
    verify(changes, never()).create(any(), any(), any(), anyBoolean());
  }

  @Test
  void anEndpointSwitchedOffMeanwhileIsShownNextToTheEndpoint() throws Exception {
    given(changes.create(any(), any(), any(), anyBoolean()))
        .willThrow(EndpointUnavailableException.class);

    String page = post(customer(), form()).getContentAsString();

    assertThat(page).contains("id=\"endpointId-error\">请从列表中选择一个可用的网关接入点。</p>");
  }

  @Test
  void aNewGatewayAccountOnAnEditWithoutItsPasswordAsksForThePasswordAgain() throws Exception {
    given(accounts.find(anyLong())).willReturn(Optional.of(stored()));

    String page =
        post(
                customer(),
                MockMvcRequestBuilders.post("/accounts/5"),
                form("userid", "20002", "password", "", "passwordConfirmation", ""))
            .getContentAsString();

    assertThat(page).contains("id=\"password-error\">接入点、企业 ID 或账号已更改，请重新输入此账户的密码");
    verify(changes, never()).update(anyLong(), any(), any(), anyBoolean());
  }

  // ---- support

  /** A valid form, then the overrides (a later value replaces an earlier one). */
  private static Map<String, String> form(String... overrides) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", "Main");
    form.put("endpointId", String.valueOf(ENDPOINT));
    form.put("charset", "GBK");
    form.put("userid", "10001");
    form.put("account", "acme-gw");
    form.put("password", "pw-Secret-1");
    form.put("passwordConfirmation", "pw-Secret-1");
    form.put("chunkSize", "1000");
    form.put("extnoSupported", "true");
    form.put("active", "true");
    form.put("lowBalanceThreshold", "500");
    for (int i = 0; i < overrides.length; i += 2) {
      form.put(overrides[i], overrides[i + 1]);
    }
    return form;
  }

  private MockHttpServletResponse post(UserDetails who, Map<String, String> form) throws Exception {
    return post(who, MockMvcRequestBuilders.post("/accounts"), form);
  }

  private MockHttpServletResponse post(
      UserDetails who, MockHttpServletRequestBuilder request, Map<String, String> form)
      throws Exception {
    form.forEach(request::param);
    return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
  }

  private static GatewayAccountView stored() {
    return new GatewayAccountView(
        5,
        TENANT,
        "Main",
        ENDPOINT,
        "聚合云",
        GatewayCharset.GBK,
        "10001",
        "acme-gw",
        1000,
        true,
        true,
        500L,
        Instant.EPOCH,
        Instant.EPOCH,
        RotationState.NONE,
        null,
        null,
        true);
  }

  private static SignedIn customer() {
    return new SignedIn("acme", TENANT, "ROLE_TENANT_ADMIN");
  }

  private static SignedIn staff() {
    return new SignedIn("support", null, "ROLE_SUPPORT");
  }

  /** Who is signed in: a customer of a tenant, or staff of none. */
  record SignedIn(String username, Long tenantId, String role)
      implements UserDetails, TenantScopedPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
      return List.of(new SimpleGrantedAuthority(role));
    }

    @Override
    public String getPassword() {
      return "";
    }

    @Override
    public String getUsername() {
      return username;
    }
  }
}
