package com.smsportal.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.sending.OptOuts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The address book's pages (issue 24): a contact added with its number read as the send form reads
 * it, a bad number refused next to its field; an opted-out number shown as such; the export's BOM
 * and header; a delete only after its confirmation, its groups kept; another tenant's contact and
 * group answer 404 and its group gives a send no members.
 */
@PortalIntegrationTest
class ContactsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired OptOuts optOuts;
  @Autowired ContactGroups contactGroups;

  MockHttpSession acme;
  long acmeId;
  long globexId;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    globexId = tenants.findByName("Globex").orElseThrow().id();
  }

  @Test
  void aContactIsStoredWithItsNumberAsTheSendFormReadsItAndABadNumberIsRefusedNextToItsField()
      throws Exception {
    String number = mobile();
    MockHttpServletResponse refused = create(acme, "12345", "甲", "");
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"mobile-error\"")
        .contains("不是中国大陆手机号");
    MockHttpServletResponse badField = create(acme, number, "甲", "城市=上海\n没有等号");
    assertThat(badField.getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"fields-error\"")
        .contains("第 2 行不是“字段=值”");
    assertThat(count(number)).as("nothing stored on a refusal").isZero();

    String typed = "+86 " + number.substring(0, 3) + "-" + number.substring(3);
    MockHttpServletResponse created = create(acme, typed, "甲", "城市=上海");

    assertThat(created.getRedirectedUrl()).startsWith("/contacts/");
    assertThat(count(number)).isOne();
    assertThat(create(acme, number, "乙", "").getContentAsString(StandardCharsets.UTF_8))
        .contains("通讯录中已有这个号码。");
  }

  @Test
  void aNumberOnTheOptOutListIsShownAsOptedOut() throws Exception {
    String out = mobile();
    String in = mobile();
    create(acme, out, "退订的人", "");
    create(acme, in, "留下的人", "");
    TenantContext.runAs(acmeId, () -> optOuts.add(out, ""));

    String zh = html(acme, get("/contacts?q=" + out));
    assertThat(zh).contains("退订的人").contains("已退订");
    assertThat(html(acme, get("/contacts?lang=en&q=" + out))).contains("Opted out");
    assertThat(html(acme, get("/contacts?q=" + in))).contains("留下的人").doesNotContain("已退订");
  }

  @Test
  void theCsvExportStartsWithAByteOrderMarkAndTheHeadersOfTheReadersLanguage() throws Exception {
    String number = mobile();
    String name = "导出" + number;
    create(acme, number, name, "城市=上海");

    MvcResult started = mvc.perform(get("/contacts/export?q=" + number).session(acme)).andReturn();
    byte[] csv =
        mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();

    assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    List<String> lines =
        new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("手机号码,姓名,分组,城市");
    assertThat(lines).containsExactly(lines.get(0), number + "," + name + ",,上海");
  }

  @Test
  void aContactIsDeletedOnlyAfterItsConfirmationAndItsGroupStays() throws Exception {
    String number = mobile();
    String group = "删后仍在" + number;
    mvc.perform(post("/contacts/groups").param("name", group).session(acme).with(csrf()));
    long groupId =
        jdbc.queryForObject(
            "select id from contact_group where tenant_id = ? and name = ?",
            Long.class,
            acmeId,
            group);
    String location =
        mvc.perform(
                post("/contacts")
                    .param("mobile", number)
                    .param("name", "要删的")
                    .param("groupId", String.valueOf(groupId))
                    .session(acme)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String id = location.substring("/contacts/".length());

    String confirm = html(acme, get("/contacts/" + id + "/delete"));
    assertThat(confirm).contains("删除这个联系人？").contains(number);
    assertThat(count(number)).as("asking is not deleting").isOne();

    MockHttpServletResponse deleted =
        mvc.perform(post("/contacts/" + id + "/delete").session(acme).with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(deleted.getRedirectedUrl()).isEqualTo("/contacts");
    assertThat(count(number)).isZero();
    assertThat(html(acme, get("/contacts/groups"))).contains(group);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contact_group_member where group_id = ?",
                Long.class,
                groupId))
        .isZero();
  }

  @Test
  void anotherTenantsContactAndGroupAreNotFoundAndItsGroupGivesNoMembers() throws Exception {
    MockHttpSession globex = Logins.as(mvc, "globex");
    String number = mobile();
    String group = "Globex组" + number;
    create(globex, number, "Globex的人", "");
    mvc.perform(post("/contacts/groups").param("name", group).session(globex).with(csrf()));
    long contactId =
        jdbc.queryForObject(
            "select id from contact where tenant_id = ? and mobile = ?",
            Long.class,
            globexId,
            number);
    long groupId =
        jdbc.queryForObject(
            "select id from contact_group where tenant_id = ? and name = ?",
            Long.class,
            globexId,
            group);
    jdbc.update(
        "insert into contact_group_member (group_id, contact_id) values (?, ?)",
        groupId,
        contactId);

    for (String path :
        List.of(
            "/contacts/" + contactId,
            "/contacts/" + contactId + "/delete",
            "/contacts/groups/" + groupId,
            "/contacts/groups/" + groupId + "/delete")) {
      assertThat(mvc.perform(get(path).session(acme)).andReturn().getResponse().getStatus())
          .as(path)
          .isEqualTo(404);
    }
    assertThat(html(acme, get("/contacts?group=" + groupId))).doesNotContain(number);
    List<ContactRow> members = new ArrayList<>();
    TenantContext.runAs(acmeId, () -> contactGroups.forEachMember(List.of(groupId), members::add));
    assertThat(members).isEmpty();
    TenantContext.runAs(
        globexId, () -> contactGroups.forEachMember(List.of(groupId), members::add));
    assertThat(members).extracting(ContactRow::mobile).containsExactly(number);
  }

  private MockHttpServletResponse create(
      MockHttpSession session, String mobile, String name, String fields) throws Exception {
    return mvc.perform(
            post("/contacts")
                .param("mobile", mobile)
                .param("name", name)
                .param("fields", fields)
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private String html(MockHttpSession session, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.session(session))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private long count(String mobile) {
    return jdbc.queryForObject(
        "select count(*) from contact where tenant_id = ? and mobile = ?",
        Long.class,
        acmeId,
        mobile);
  }

  static String mobile() {
    return "167" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
