package com.smsportal.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contact import (issue 24): a file is uploaded and kept, its columns mapped on the mapping
 * page, then its valid rows imported and its invalid rows listed with their line and reason; a
 * re-import updates by number; a file over the limits, or a mapping without a mobile column, is
 * refused next to its field with nothing stored. Numbers are random in the 166 range.
 */
@PortalIntegrationTest
@DatabaseDependent(
    "a re-import updates by the unique key (tenant_id, mobile); batches of native SQL")
class ContactImportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;

  MockHttpSession acme;
  long acmeId;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
  }

  @Test
  void validRowsAreImportedIntoTheNewGroupAndInvalidRowsAreListedWithLineAndReason()
      throws Exception {
    String first = mobile();
    String second = mobile();
    String group = "导入组" + ThreadLocalRandom.current().nextInt(1_000_000);
    String csv =
        "\uFEFF手机号,姓名,城市\r\n"
            + "+86 "
            + first
            + ",张三,上海\r\n"
            + "abc,李四,北京\r\n"
            + ",王五,广州\r\n"
            + second
            + ",赵六,\r\n"
            + first
            + ",张三又一次,深圳\r\n";
    String token = uploaded(upload("people.csv", csv.getBytes(StandardCharsets.UTF_8)));

    String mapping = html(get("/contacts/import/" + token));
    assertThat(mapping).contains("张三").contains("城市").contains("id=\"column0\"");

    MockHttpServletResponse done =
        mvc.perform(
                post("/contacts/import/" + token)
                    .param("column0", "mobile")
                    .param("column1", "name")
                    .param("column2", "field")
                    .param("newGroup", group)
                    .session(acme)
                    .with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(done.getRedirectedUrl()).isEqualTo("/contacts/import");
    String page = html(get("/contacts/import"));
    assertThat(page)
        .contains("已导入 people.csv：新建 2 个，更新 0 个，3 行未导入。")
        .contains("第 3 行")
        .contains("不是中国大陆手机号")
        .contains("第 4 行")
        .contains("手机号为空")
        .contains("第 6 行")
        .contains("与第 2 行的号码重复");
    assertThat(contact(first)).containsEntry("name", "张三");
    assertThat(contact(second)).containsEntry("name", "赵六");
    assertThat(groupsOf(first)).containsExactly(group);
    assertThat(groupsOf(second)).containsExactly(group);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sheet_upload where token = ?", Long.class, token))
        .as("the upload is forgotten once imported")
        .isZero();
    assertThat(html(get("/contacts?q=" + first))).contains("城市: 上海");
  }

  @Test
  void aReImportFromAWorkbookUpdatesByNumberReplacingTheNameAndMergingTheFields() throws Exception {
    String number = mobile();
    String token =
        uploaded(
            upload(
                "first.csv",
                ("手机号,姓名,城市,等级\n" + number + ",老王,上海,金卡\n").getBytes(StandardCharsets.UTF_8)));
    importAll(token, "mobile", "name", "field", "field");

    byte[] xlsx = workbook(List.of("号码", "名字", "城市", "生日"), List.of(number, "王先生", "杭州", ""));
    String again = uploaded(upload("again.xlsx", xlsx));
    importAll(again, "mobile", "name", "field", "field");

    assertThat(html(get("/contacts/import"))).contains("新建 0 个，更新 1 个，0 行未导入");
    Map<String, Object> contact = contact(number);
    assertThat(contact).containsEntry("name", "王先生");
    assertThat(html(get("/contacts?q=" + number)))
        .as("城市 replaced, 等级 kept, the empty 生日 adds nothing")
        .contains("城市: 杭州")
        .contains("等级: 金卡")
        .doesNotContain("生日");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contact where tenant_id = ? and mobile = ?",
                Long.class,
                acmeId,
                number))
        .isOne();
  }

  @Test
  void aFileOverTheLimitIsRefusedNextToTheFieldAndNothingIsKept() throws Exception {
    long kept = jdbc.queryForObject("select count(*) from sheet_upload", Long.class);
    long contacts = jdbc.queryForObject("select count(*) from contact", Long.class);
    byte[] large = new byte[2 * 1024 * 1024 + 1];
    java.util.Arrays.fill(large, (byte) '1');

    MockHttpServletResponse answer = upload("large.csv", large);

    String page = answer.getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("id=\"file-error\"").contains("文件超过 2 MB。");
    // A file within the size whose cell beyond the 100th column is refused the same way.
    String wide = "手机号" + ",x".repeat(100) + "\n" + mobile() + ",1".repeat(100) + "\n";
    String widePage =
        upload("wide.csv", wide.getBytes(StandardCharsets.UTF_8))
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(widePage).contains("id=\"file-error\"").contains("文件列数超过 100 列");
    assertThat(jdbc.queryForObject("select count(*) from sheet_upload", Long.class))
        .isEqualTo(kept);
    assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isEqualTo(contacts);
  }

  @Test
  void aMappingWithoutAMobileColumnIsRefusedAndImportsNothing() throws Exception {
    String number = mobile();
    String token =
        uploaded(upload("n.csv", ("电话,姓名\n" + number + ",甲\n").getBytes(StandardCharsets.UTF_8)));

    MockHttpServletResponse answer =
        mvc.perform(
                post("/contacts/import/" + token)
                    .param("column0", "field")
                    .param("column1", "name")
                    .session(acme)
                    .with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"mapping-error\"")
        .contains("请选择哪一列是手机号。");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contact where mobile = ?", Long.class, number))
        .isZero();
  }

  @Test
  void anotherUsersUploadTokenIsNotFound() throws Exception {
    String token =
        uploaded(upload("n.csv", ("手机号\n" + mobile() + "\n").getBytes(StandardCharsets.UTF_8)));
    MockHttpSession globex = Logins.as(mvc, "globex");
    assertThat(
            mvc.perform(get("/contacts/import/" + token).session(globex))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  private void importAll(String token, String... roles) throws Exception {
    MockHttpServletRequestBuilder request = post("/contacts/import/" + token);
    for (int i = 0; i < roles.length; i++) {
      request.param("column" + i, roles[i]);
    }
    assertThat(
            mvc.perform(request.session(acme).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/contacts/import");
  }

  private MockHttpServletResponse upload(String name, byte[] bytes) throws Exception {
    return mvc.perform(
            multipart("/contacts/import")
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .session(acme)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private static String uploaded(MockHttpServletResponse answer) throws Exception {
    assertThat(answer.getRedirectedUrl())
        .as(answer.getContentAsString(StandardCharsets.UTF_8))
        .startsWith("/contacts/import/");
    return answer.getRedirectedUrl().substring("/contacts/import/".length());
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.session(acme))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private Map<String, Object> contact(String mobile) {
    return jdbc.queryForMap(
        "select name, fields from contact where tenant_id = ? and mobile = ?", acmeId, mobile);
  }

  private List<String> groupsOf(String mobile) {
    return jdbc.queryForList(
        "select g.name from contact c join contact_group_member m on m.contact_id = c.id"
            + " join contact_group g on g.id = m.group_id where c.tenant_id = ? and c.mobile = ?",
        String.class,
        acmeId,
        mobile);
  }

  static byte[] workbook(List<String> header, List<String> row) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      Row head = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        head.createCell(i).setCellValue(header.get(i));
      }
      Row data = sheet.createRow(1);
      data.createCell(0).setCellValue(Double.parseDouble(row.get(0))); // as Excel keeps a number
      for (int i = 1; i < row.size(); i++) {
        if (!row.get(i).isEmpty()) {
          data.createCell(i).setCellValue(row.get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  static String mobile() {
    return "166" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
