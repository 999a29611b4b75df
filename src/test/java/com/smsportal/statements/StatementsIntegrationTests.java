package com.smsportal.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Times;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Monthly statements (issue 26): a month of Acme's jobs on an account of its own ({@link
 * StoredMonth}), numbers delivered, failed, unknown, opted out and limited, across two China days
 * and the month's edges in UTC and China time; page, XLSX and CSV say the figures put in.
 */
@PortalIntegrationTest
@DatabaseDependent("the China day of a job is computed in SQL (H2 and MariaDB)")
class StatementsIntegrationTests {

  /** Columns in the page's (and the files') order, as the page names them in data-col. */
  private static final List<String> COLUMNS =
      Arrays.stream(StatementColumn.values()).map(Enum::name).toList();

  // jobs, sent, segments, delivered, failed, unknown, opted out, limited
  private static final List<Long> MARCH_1 = List.of(2L, 4L, 7L, 2L, 1L, 1L, 2L, 2L);
  private static final List<Long> MARCH_2 = List.of(1L, 2L, 6L, 1L, 1L, 0L, 0L, 1L);
  private static final List<Long> TOTAL = List.of(3L, 6L, 13L, 3L, 2L, 1L, 2L, 3L);

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired java.time.Clock clock;

  long acme;
  long account;
  String accountName;
  StoredMonth month;

  @BeforeEach
  void aMonthOfJobs() {
    acme = tenants.findByName("Acme").orElseThrow().id();
    accountName = "对账 " + UUID.randomUUID().toString().substring(0, 8);
    account =
        TenantContext.callAs(
            acme,
            () ->
                accounts.ensure(
                    accountName,
                    TestEndpoints.of(endpoints, "https://gw.statements.example"),
                    GatewayCharset.UTF8,
                    "880077",
                    accountName,
                    "Pw-" + accountName));
    // Never polled nor asked for its balance by another test while it exists.
    jdbc.update("update gateway_account set active = false where id = ?", account);
    month = new StoredMonth(jdbc, acme, account);
    // 2026-03-01 00:30 in China, still February in UTC: March 1st.
    month.job("2026-02-28T16:30:00Z", 2, false, 1, 2, "DELIVERED", "DELIVERED", "FAILED");
    // 23:59:59 in China: still March 1st.
    month.job("2026-03-01T15:59:59Z", 1, false, 0, 0, "UNKNOWN", "OPTED_OUT", "SUBMITTED");
    // Midnight in China: March 2nd. Personalised: its chunk's own 3 segments count.
    month.job("2026-03-01T16:00:00Z", 3, true, 0, 0, "DELIVERED", "FAILED", "LIMITED", "QUEUED");
    // February and April in China: in no March statement.
    month.job("2026-02-28T15:59:59Z", 1, false, 5, 4, "DELIVERED");
    month.job("2026-03-31T16:00:00Z", 1, false, 5, 4, "DELIVERED");
    month.balanceDay("2026-03-01", 1000, "2026-02-28T17:00:00Z", 900, "2026-03-01T10:00:00Z");
    month.balanceDay("2026-03-20", 800, "2026-03-20T01:00:00Z", 500, "2026-03-20T09:00:00Z");
    month.balanceDay("2026-04-01", 400, "2026-03-31T17:00:00Z", 300, "2026-04-01T09:00:00Z");
  }

  @AfterEach
  void removeTheMonth() {
    month.remove();
  }

  @Test
  void theMonthsFiguresPerChinaDayAndTotalsAreWhatItsJobsAndReportsSayOnPageXlsxAndCsv()
      throws Exception {
    MockHttpSession viewer = Logins.as(mvc, "acme-viewer");
    String page = page(viewer, "/statements?month=2026-03&account=" + account);
    assertThat(figures(page, "<tr data-day=\"2026-03-01\">")).isEqualTo(MARCH_1);
    assertThat(figures(page, "<tr data-day=\"2026-03-02\">")).isEqualTo(MARCH_2);
    assertThat(figures(page, "<tr id=\"statement-total-row\">")).isEqualTo(TOTAL);
    assertThat(page).doesNotContain("data-day=\"2026-02-28\"", "data-day=\"2026-04-01\"");
    assertThat(page).contains("id=\"statement-chart\"", "data-sent=\"4,2,0,");
    assertThat(balanceCard(page, "balance-first")).contains("1,000");
    assertThat(balanceCard(page, "balance-last")).contains("500");
    // A day's row leads to the jobs page's list of that day's jobs of the account.
    assertThat(page)
        .contains(
            "/jobs?account=" + account + "&amp;from=2026-03-01T00:00&amp;to=2026-03-01T23:59");

    MockHttpServletResponse xlsx =
        download(viewer, "/statements/export.xlsx?month=2026-03&account=" + account);
    assertThat(xlsx.getHeader("Content-Disposition"))
        .contains("statement-" + account + "-2026-03.xlsx");
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("日期");
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("发送号码数");
      assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(numbers(sheet.getRow(1))).isEqualTo(MARCH_1);
      assertThat(numbers(sheet.getRow(2))).isEqualTo(MARCH_2);
      assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(numbers(sheet.getRow(3))).isEqualTo(TOTAL);
      assertThat(sheet.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(1000);
      assertThat(sheet.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(500);
    }

    MockHttpServletResponse csv =
        download(viewer, "/statements/export.csv?month=2026-03&account=" + account);
    byte[] bytes = csv.getContentAsByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    List<String> lines =
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines)
        .containsExactly(
            "日期,任务数,发送号码数,计费条数,成功,失败,状态未知,已退订,超频限制",
            "2026-03-01," + joined(MARCH_1),
            "2026-03-02," + joined(MARCH_2),
            "合计," + joined(TOTAL));
  }

  @Test
  void badParametersAreToldAnotherTenantsAccountIsNotFoundAndAnEmptyMonthSaysSo() throws Exception {
    MockHttpSession customer = Logins.as(mvc, "acme");
    for (String query :
        List.of("month=2026-13", "month=March", "month=1999-12", "account=abc", "account=-4")) {
      MockHttpServletResponse response =
          mvc.perform(get("/statements?" + query).session(customer)).andReturn().getResponse();
      assertThat(response.getStatus()).as(query).isEqualTo(400);
      assertThat(response.getContentAsString()).as(query).contains("field-error");
      assertThat(response.getContentAsString()).doesNotContain("statement-table");
    }
    MockHttpServletResponse file = download(customer, "/statements/export.csv?month=2026-3", 400);
    assertThat(file.getContentAsString(StandardCharsets.UTF_8)).contains("yyyy-MM");

    long globex = tenants.findByName("Globex").orElseThrow().id();
    Long globexAccount =
        jdbc.queryForObject(
            "select min(id) from gateway_account where tenant_id = ?", Long.class, globex);
    String globexName =
        jdbc.queryForObject(
            "select name from gateway_account where id = ?", String.class, globexAccount);
    for (String route :
        List.of("/statements", "/statements/export.xlsx", "/statements/export.csv")) {
      MockHttpServletResponse response =
          mvc.perform(get(route + "?month=2026-03&account=" + globexAccount).session(customer))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(route).isEqualTo(404);
      assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(globexName);
    }

    String empty = page(customer, "/statements?month=2025-01&account=" + account);
    assertThat(empty).contains("id=\"statement-empty\"").doesNotContain("statement-table");
    assertThat(empty).contains("id=\"balance-none\"");
  }

  @Test
  void staffReadAnyTenantsStatementAndTheViewAndDownloadAreAudited() throws Exception {
    // The dashboard's balance readings go into the day's history that statements read.
    MockHttpServletResponse refreshed =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/dashboard/balances/refresh")
                    .header("HX-Request", "true")
                    .session(Logins.as(mvc, "acme"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn()
            .getResponse();
    assertThat(refreshed.getStatus()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from balance_day d join gateway_account a on a.id = d.account_id"
                    + " where a.tenant_id = ? and d.read_day = ?",
                Integer.class,
                acme,
                LocalDate.ofInstant(clock.instant(), Times.ZONE)))
        .isPositive();
    MockHttpSession support = Logins.as(mvc, "support");
    long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    String page = page(support, "/statements?month=2026-03&account=" + account);
    assertThat(figures(page, "<tr id=\"statement-total-row\">")).isEqualTo(TOTAL);
    assertThat(page).contains("id=\"statement-tenant\"");
    download(support, "/statements/export.csv?month=2026-03&account=" + account);
    List<Map<String, Object>> entries =
        jdbc.queryForList(
            "select action, target, tenant_id from audit_event where id > ? and actor = 'support'"
                + " order by id",
            before);
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("TENANT_VIEWED");
              assertThat(e.get("target")).isEqualTo("/statements");
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("EXPORT");
              assertThat(((Number) e.get("tenant_id")).longValue()).isEqualTo(acme);
            });
  }

  private String page(MockHttpSession session, String url) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(url).session(session)).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  private MockHttpServletResponse download(MockHttpSession session, String url) throws Exception {
    return download(session, url, 200);
  }

  private MockHttpServletResponse download(MockHttpSession session, String url, int status)
      throws Exception {
    MvcResult result = mvc.perform(get(url).session(session)).andReturn();
    MockHttpServletResponse response =
        result.getRequest().isAsyncStarted()
            ? mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .asyncDispatch(result))
                .andReturn()
                .getResponse()
            : result.getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(status);
    return response;
  }

  /** The figures of the table row that starts with {@code rowStart}, in column order. */
  private static List<Long> figures(String page, String rowStart) {
    int start = page.indexOf(rowStart);
    assertThat(start).as(rowStart).isGreaterThanOrEqualTo(0);
    String row = page.substring(start, page.indexOf("</tr>", start));
    Map<String, Long> byColumn = new LinkedHashMap<>();
    Matcher cell = Pattern.compile("data-col=\"(\\w+)\">([\\d,]+)<").matcher(row);
    while (cell.find()) {
      byColumn.put(cell.group(1), Long.parseLong(cell.group(2).replace(",", "")));
    }
    return COLUMNS.stream().map(byColumn::get).toList();
  }

  private static String balanceCard(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    return page.substring(start, page.indexOf("</div>", start));
  }

  private static List<Long> numbers(Row row) {
    return java.util.stream.IntStream.rangeClosed(1, COLUMNS.size())
        .mapToObj(
            i -> {
              assertThat(row.getCell(i).getCellType()).isEqualTo(CellType.NUMERIC);
              return (long) row.getCell(i).getNumericCellValue();
            })
        .toList();
  }

  private static String joined(List<Long> figures) {
    return String.join(",", figures.stream().map(String::valueOf).toList());
  }
}
