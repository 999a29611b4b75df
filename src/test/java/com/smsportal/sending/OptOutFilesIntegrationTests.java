package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.audit.AuditDetail;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The opt-out list as a file (issue 23): a CSV export in the reader's language of the tenant's own
 * numbers, and an import of a CSV or TXT that adds the valid numbers, counts those already listed
 * and reports invalid lines, audited once; a refused file changes nothing. Numbers are random in
 * the 165 range so that no other test meets them.
 */
@PortalIntegrationTest
class OptOutFilesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired OptOuts optOuts;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;

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
  void anImportAddsValidNumbersCountsListedOnesAndReportsInvalidLinesInOneAuditEntry()
      throws Exception {
    String listed = mobile();
    String fresh = mobile();
    String other = mobile();
    TenantContext.runAs(acmeId, () -> optOuts.add(listed, ""));
    long auditsBefore = audits("OPT_OUT_ADDED");
    String csv =
        "\uFEFF备注,手机号码\r\n"
            + "已退订,"
            + listed
            + "\r\n"
            + "新的,+86 "
            + fresh.substring(0, 3)
            + " "
            + fresh.substring(3)
            + "\r\n"
            + "重复,"
            + fresh
            + "\r\n"
            + "坏的,abc\r\n"
            + "短的,12345\r\n"
            + "\r\n"
            + "另一个,"
            + other
            + "\r\n";

    MockHttpServletResponse answer = upload(acme, "list.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getRedirectedUrl()).isEqualTo("/optouts");
    String page = html(get("/optouts"), acme);
    assertThat(page)
        .contains("已导入 list.csv：新增 2 个，已在名单中 2 个，无效 2 个。")
        .contains("第 5 行")
        .contains("<code>abc</code>")
        .contains("第 6 行")
        .contains("<code>12345</code>")
        .contains("不是有效的大陆手机号码");
    assertThat(sources(acmeId, fresh)).containsExactly("IMPORT");
    assertThat(sources(acmeId, other)).containsExactly("IMPORT");
    assertThat(sources(acmeId, listed)).as("left as it was").containsExactly("MANUAL");
    assertThat(sources(globexId, fresh)).as("another tenant's list is untouched").isEmpty();
    assertThat(audits("OPT_OUT_ADDED")).as("not one entry per number").isEqualTo(auditsBefore);
    assertThat(
            jdbc.queryForList(
                "select detail from audit_event where action = 'OPT_OUT_IMPORTED' and target = ?"
                    + " and tenant_id = ?",
                String.class,
                AuditDetail.of("audit.target.optOutFile", "list.csv").encode(),
                acmeId))
        .as("one entry with the counts")
        .contains(AuditDetail.of("audit.detail.optOutImport", 2, 2, 2).encode());
  }

  @Test
  void aTextFileWithOneNumberPerLineInGbkIsReadAndReportedInEnglish() throws Exception {
    String first = mobile();
    String second = mobile();
    byte[] txt = ("手机号码\n" + first + "\n不是号码\n" + second + "\n").getBytes(Charset.forName("GBK"));
    MockHttpServletResponse answer = upload(acme, "numbers.txt", txt);
    String page = html(get("/optouts?lang=en"), acme);
    assertThat(page)
        .contains("Imported numbers.txt: 2 added, 0 already listed, 1 invalid.")
        .contains("Line 3")
        .contains("not a valid mainland mobile number");
    assertThat(sources(acmeId, first)).containsExactly("IMPORT");
    assertThat(sources(acmeId, second)).containsExactly("IMPORT");
  }

  @Test
  void aFileOfTheWrongTypeOrWithoutNumbersIsRefusedAndChangesNothing() throws Exception {
    String mobile = mobile();
    long imports = audits("OPT_OUT_IMPORTED");
    byte[] zip = {'P', 'K', 3, 4, 0, 0, 0};

    assertThat(refusal(upload(acme, "numbers.xlsx", zip)))
        .contains("无法导入“numbers.xlsx”：请上传 CSV 或 TXT 文件");
    assertThat(refusal(upload(acme, "disguised.csv", zip))).contains("请上传 CSV 或 TXT 文件");
    assertThat(refusal(upload(acme, "empty.csv", new byte[0]))).contains("“empty.csv”中没有号码");
    assertThat(refusal(upload(acme, "header.csv", "手机号码\r\n\r\n".getBytes(StandardCharsets.UTF_8))))
        .contains("中没有号码");
    assertThat(refusal(upload(acme, "", mobile.getBytes(StandardCharsets.UTF_8))))
        .contains("请先选择要导入的文件");
    assertThat(audits("OPT_OUT_IMPORTED")).isEqualTo(imports);
    assertThat(sources(acmeId, mobile)).isEmpty();
  }

  @Test
  void theExportHoldsOnlyTheTenantsNumbersUnderHeadersInTheReadersLanguageAndReadsBackIn()
      throws Exception {
    String ours = mobile();
    String theirs = mobile();
    TenantContext.runAs(acmeId, () -> optOuts.add(ours, "=客户来电"));
    TenantContext.runAs(globexId, () -> optOuts.add(theirs, ""));

    String zh = export(acme, "/optouts/export");
    assertThat(zh).startsWith("\uFEFF手机号码,来源,备注,加入时间\r\n");
    assertThat(zh).contains(ours + ",手动添加,'=客户来电,").doesNotContain(theirs);
    assertThat(export(acme, "/optouts/export?lang=en"))
        .startsWith("\uFEFFMobile number,Source,Note,Added\r\n")
        .contains(ours + ",Added by hand,");
    assertThat(export(acme, "/optouts/export?mobile=" + theirs).lines().toList())
        .as("the page's filter, and no other tenant's number")
        .hasSize(1);

    MockHttpSession globex = Logins.as(mvc, "globex");
    MockHttpServletResponse back =
        upload(globex, "optouts.csv", zh.getBytes(StandardCharsets.UTF_8));
    assertThat(html(get("/optouts"), globex)).contains("新增");
    assertThat(sources(globexId, ours)).containsExactly("IMPORT");
  }

  @Test
  void staffMayExportWhatTheyViewButNeverImport() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    String mobile = mobile();
    String ours = mobile();
    String theirs = mobile();
    TenantContext.runAs(acmeId, () -> optOuts.add(ours, ""));
    TenantContext.runAs(globexId, () -> optOuts.add(theirs, ""));
    mvc.perform(post("/support/tenants/" + acmeId + "/view-as").session(support).with(csrf()));
    assertThat(export(support, "/optouts/export"))
        .as("viewing Acme: Acme's list only")
        .contains(ours)
        .doesNotContain(theirs);
    assertThat(upload(support, "x.csv", mobile.getBytes(StandardCharsets.UTF_8)).getStatus())
        .as("viewing a tenant is read-only: back to the page with the reason, no bare 403")
        .isEqualTo(303);
    assertThat(html(get("/optouts"), support)).doesNotContain("id=\"optout-import\"");
    mvc.perform(post("/support/view-as/end").session(support).with(csrf()));
    assertThat(upload(support, "x.csv", mobile.getBytes(StandardCharsets.UTF_8)).getStatus())
        .as("not viewing: staff never import")
        .isEqualTo(403);
    assertThat(html(get("/optouts"), acme)).contains("id=\"optout-import\"");
    assertThat(mvc.perform(get("/optouts/export")).andReturn().getResponse().getRedirectedUrl())
        .as("anonymous")
        .endsWith("/login");
    assertThat(sources(acmeId, mobile)).isEmpty();
  }

  private MockHttpServletResponse upload(MockHttpSession session, String name, byte[] bytes)
      throws Exception {
    return mvc.perform(
            multipart("/optouts/import")
                .file(new MockMultipartFile("file", name, "text/csv", bytes))
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private String refusal(MockHttpServletResponse answer) throws Exception {
    assertThat(answer.getRedirectedUrl()).isEqualTo("/optouts");
    String page = html(get("/optouts"), acme);
    assertThat(page)
        .contains("id=\"optout-import-error\"")
        .doesNotContain("id=\"optout-imported\"");
    return page;
  }

  /** A page in the session: after a redirect, with what the redirect left (flash attributes). */
  private String html(MockHttpServletRequestBuilder request, MockHttpSession session)
      throws Exception {
    return mvc.perform(request.session(session))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String export(MockHttpSession session, String path) throws Exception {
    MvcResult started =
        mvc.perform(get(path).session(session)).andExpect(request().asyncStarted()).andReturn();
    return mvc.perform(asyncDispatch(started))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private List<String> sources(long tenantId, String mobile) {
    return jdbc.queryForList(
        "select source from opt_out where tenant_id = ? and mobile = ?",
        String.class,
        tenantId,
        mobile);
  }

  private long audits(String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where action = ?", Long.class, action);
  }

  private static String mobile() {
    return "165" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
