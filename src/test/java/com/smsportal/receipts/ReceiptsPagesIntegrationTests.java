package com.smsportal.receipts;

import static com.smsportal.PageWindow.enc;
import static com.smsportal.PageWindow.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PageWindow;
import com.smsportal.PolledRows;
import com.smsportal.PolledRows.Report;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.Times;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The receipts page and its export over real HTTP, on reports stored as the poller stores them.
 * Each test works in its own minutes of a past year, so rows of other tests never get in.
 */
@DatabaseDependent("filters over time columns, keyset pages and the export's query on the dialect")
@PortalHttpTest
class ReceiptsPagesIntegrationTests {

  static final Pattern OLDER = Pattern.compile("id=\"receipts-older\"[^>]*href=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired UserService users;

  PolledRows rows;
  PortalHttpClient acme;
  long acmeId;
  long globexId;
  PageWindow span;

  @BeforeEach
  void setUp() throws Exception {
    rows = new PolledRows(jdbc);
    acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    globexId = tenants.findByName("Globex").orElseThrow().id();
    span = PageWindow.somewhereIn(2003);
  }

  @Test
  void eachRowNamesItsGatewayAccountOnceATenantHasSeveral() throws Exception {
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Two accounts " + suffix).id();
    users.create("two" + suffix, "a-good-password-1", Role.TENANT_ADMIN, tenant);
    long endpoint = TestEndpoints.of(endpoints, "http://127.0.0.1:9/two-accounts");
    long first = account(tenant, endpoint, "Main " + suffix);
    String a = PolledRows.randomMobile();
    long onFirst = report(tenant, first, a, 1);
    PortalHttpClient customer =
        new PortalHttpClient(port).logIn("two" + suffix, "a-good-password-1");
    String window = span.filter(0, 10);

    String one = customer.get("/receipts?" + window).body();
    assertThat(ids(one)).containsExactly(onFirst);
    assertThat(one).doesNotContain("网关账户</th>");
    assertThat(one).as("the first page links to no first page").doesNotContain("receipts-newest");

    long second = account(tenant, endpoint, "Backup " + suffix);
    long onSecond = report(tenant, second, a, 2);
    String two = customer.get("/receipts?" + window).body();
    assertThat(ids(two)).containsExactly(onSecond, onFirst);
    assertThat(two)
        .contains("网关账户</th>")
        .containsPattern("(?s)data-id=\"" + onSecond + "\".*?>Backup " + suffix + "</td>")
        .containsPattern("(?s)data-id=\"" + onFirst + "\".*?>Main " + suffix + "</td>");
  }

  private long account(long tenant, long endpoint, String name) {
    return TenantContext.callAs(
        tenant,
        () ->
            accounts.ensure(
                name, endpoint, GatewayCharset.UTF8, "1", name.replace(' ', '-'), "pw"));
  }

  private long report(long tenant, long account, String mobile, int minute) {
    long id =
        rows.report(
            new Report(
                tenant,
                PolledRows.randomTaskId(),
                mobile,
                10,
                span.at(minute),
                "DELIVRD",
                "",
                null));
    jdbc.update("update status_report set account_id = ? where id = ?", account, id);
    return id;
  }

  @Test
  void eachFilterNarrowsTheReceiptsAndAnotherTenantsNeverShow() throws Exception {
    String a = PolledRows.randomMobile();
    String b = PolledRows.randomMobile();
    String t1 = PolledRows.randomTaskId();
    String t2 = PolledRows.randomTaskId();
    long delivered = report(t1, a, 10, 1, "DELIVRD", 41L);
    long failed = report(t1, b, 20, 2, "UNDELIV", null);
    long laterA = report(t2, a, 20, 5, "MK:0001", null);
    long laterB = report(t2, b, 10, 9, "DELIVRD", 42L);
    rows.report(new Report(globexId, t1, a, 10, span.at(3), "GLOBEX1", "", null));
    String window = span.filter(0, 10);

    assertThat(idsAt("/receipts?" + window)).containsExactly(laterB, laterA, failed, delivered);
    assertThat(idsAt("/receipts?" + window + "&mobile=" + a)).containsExactly(laterA, delivered);
    assertThat(idsAt("/receipts?" + window + "&mobile=" + enc("+86 " + a)))
        .containsExactly(laterA, delivered);
    assertThat(idsAt("/receipts?" + window + "&taskId=" + t1)).containsExactly(failed, delivered);
    assertThat(idsAt("/receipts?" + window + "&status=delivered"))
        .containsExactly(laterB, delivered);
    assertThat(idsAt("/receipts?" + window + "&status=failed")).containsExactly(laterA, failed);
    assertThat(idsAt("/receipts?" + window + "&status=all&taskId=" + t2 + "&mobile=" + b))
        .containsExactly(laterB);
    // "to" keeps the whole minute it names; "from" starts at its minute.
    assertThat(idsAt("/receipts?" + span.filter(2, 5))).containsExactly(laterA, failed);

    String page = acme.get("/receipts?" + window).body();
    assertThat(page).doesNotContain("GLOBEX1").contains("UNDELIV");
    // A known carrier code says what it means; an unknown one (MK:0001) is shown as it came.
    assertThat(page)
        .contains("无法送达（如空号、停机或长时间关机）")
        .contains("已送达手机")
        .contains(">MK:0001</span>")
        .doesNotContain("??receipts.code")
        .contains("id=\"receipts-taskid-help\"");
    assertThat(page).contains("href=\"/jobs/41\"").contains("href=\"/jobs/42\"").contains("未匹配");
    assertThat(acme.get("/receipts?" + window + "&mobile=13000000000").body())
        .contains("id=\"receipts-empty\"")
        .contains("没有符合条件的回执");
    // (Last: ?lang=en keeps English for the rest of the session.)
    assertThat(acme.get("/receipts?" + window + "&lang=en").body())
        .contains("could not be delivered (e.g. a number not in service or a phone off for long)")
        .contains("Gateway batch ID");
  }

  /**
   * Each filter reads its own index (the time's, the task's, the status's, issue 27: the order
   * names the index's columns so that H2 reads it in order): each walk must still see every
   * matching report once, newest first, ties broken by id.
   */
  @Test
  void olderLinksWalkEveryReportOnceNewestFirstKeepingTheFilter() throws Exception {
    String task = PolledRows.randomTaskId();
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < 137; i++) {
      // Seven reports share each second: the pages must break ties by id, not lose or repeat.
      Instant time = span.start().plusSeconds(i / 7);
      boolean failed = i % 3 == 0;
      reports.add(
          new Report(
              acmeId,
              task,
              PolledRows.randomMobile(),
              failed ? 20 : 10,
              time,
              failed ? "UNDELIV" : "DELIVRD",
              "",
              null));
    }
    List<Long> stored = rows.reports(reports);
    Report other =
        new Report(
            acmeId, PolledRows.randomTaskId(), "13800138000", 10, span.start(), "X", "", null);
    long otherId = rows.report(other);
    List<Long> expected = newestFirst(stored, reports);

    assertThat(walk("/receipts?taskId=" + task + "&" + span.filter(0, 30), "taskId=" + task))
        .as("by task, 3 pages")
        .containsExactlyElementsOf(expected);
    List<Report> failed = reports.stream().filter(r -> r.status() == 20).toList();
    List<Long> failedIds =
        stored.stream().filter(id -> reports.get(stored.indexOf(id)).status() == 20).toList();
    assertThat(walk("/receipts?status=failed&" + span.filter(0, 30), "status=failed"))
        .as("failed only")
        .containsExactlyElementsOf(newestFirst(failedIds, failed));
    List<Report> all = new ArrayList<>(reports);
    all.add(other);
    List<Long> allIds = new ArrayList<>(stored);
    allIds.add(otherId);
    assertThat(walk("/receipts?" + span.filter(0, 30), "before="))
        .as("every report in the time range")
        .containsExactlyElementsOf(newestFirst(allIds, all));
  }

  /** Follows the "older" links from the first page; every link keeps {@code keeps}. */
  private List<Long> walk(String first, String keeps) throws Exception {
    List<Long> seen = new ArrayList<>();
    String next = first;
    int pages = 0;
    while (next != null) {
      String page = acme.get(next).body();
      pages++;
      List<Long> ids = ids(page);
      assertThat(ids).hasSizeLessThanOrEqualTo(ReceiptsController.PAGE_SIZE);
      seen.addAll(ids);
      if (pages > 1) {
        assertThat(page).contains("id=\"receipts-newest\"");
      }
      Matcher older = OLDER.matcher(page);
      next = older.find() ? older.group(1).replace("&amp;", "&") : null;
      if (next != null) {
        assertThat(next).contains(keeps).contains("before=");
      }
    }
    assertThat(pages)
        .isEqualTo((seen.size() + ReceiptsController.PAGE_SIZE - 1) / ReceiptsController.PAGE_SIZE);
    return seen;
  }

  @Test
  void theExportHoldsExactlyTheFilteredReportsAfterAByteOrderMark() throws Exception {
    String task = PolledRows.randomTaskId();
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < 1_521; i++) {
      // Over a thousand delivered: more than one batch of the export (see below for the boundary).
      Instant time = span.start().plusMillis(i / 10 * 1_000L + 123);
      int status = i % 3 == 0 ? 20 : 10;
      reports.add(
          new Report(
              acmeId,
              task,
              "1390000" + String.format("%04d", i),
              status,
              time,
              "C" + i,
              "7",
              null));
    }
    List<Long> stored = rows.reports(reports);
    rows.report(
        new Report(
            acmeId, task, "13900009999", 20, span.start().minusSeconds(600), "OLD", "", null));
    List<Long> delivered = new ArrayList<>();
    for (long id : newestFirst(stored, reports)) {
      if (reports.get(stored.indexOf(id)).status() == 10) {
        delivered.add(id);
      }
    }

    // The export's second batch starts inside a run of reports with the same time.
    assertThat(delivered).hasSizeGreaterThan(CsvDownload.BATCH);
    assertThat(reports.get(stored.indexOf(delivered.get(CsvDownload.BATCH - 1))).receivedAt())
        .isEqualTo(reports.get(stored.indexOf(delivered.get(CsvDownload.BATCH))).receivedAt());

    HttpResponse<String> response =
        acme.get("/receipts/export?taskId=" + task + "&status=delivered&" + span.filter(0, 30));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("receipts-" + LocalDate.now(Times.ZONE) + ".csv");
    List<String> lines = response.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFF接收时间,手机号码,网关批次号,状态,运营商代码,扩展号,发送任务,拉取时间");
    assertThat(lines).hasSize(delivered.size() + 1);
    List<String> expected = new ArrayList<>();
    for (long id : delivered) {
      Report r = reports.get(stored.indexOf(id));
      expected.add(
          String.join(
              ",",
              new Times().format(r.receivedAt()),
              r.mobile(),
              task,
              "已送达",
              r.errorCode(),
              "7",
              "",
              new Times().format(r.receivedAt().plusSeconds(30))));
    }
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'EXPORT' and target = ?"
                    + " and actor = 'acme' and detail like ?",
                Integer.class,
                AuditDetail.of("audit.target.receipts").encode(),
                "%" + task + "%"))
        .isEqualTo(1);
  }

  /**
   * An export of several batches (issue 27: each batch is read from the last row's time and id,
   * with plain SQL) holds every report its filter matches once, newest first, ties broken by id
   * across the batches' boundaries; another tenant's reports of the same number, task and times
   * never appear, whatever the filter.
   */
  @Test
  void anExportOfSeveralBatchesHoldsEachMatchingReportOnceNewestFirstAndNoneOfAnotherTenant()
      throws Exception {
    String task = PolledRows.randomTaskId();
    String mobile = PolledRows.randomMobile();
    List<Report> reports = new ArrayList<>();
    List<Report> globex = new ArrayList<>();
    for (int i = 0; i < 3 * CsvDownload.BATCH + 500; i++) {
      // Seven reports a second, over about eight minutes: every batch ends inside a second.
      Instant time = span.start().plusMillis(i / 7 * 1_000L + 250);
      reports.add(
          new Report(
              acmeId,
              task,
              i % 2 == 0 ? mobile : PolledRows.randomMobile(),
              i % 5 == 0 ? 20 : 10,
              time,
              "A" + i,
              "",
              null));
      if (i % 4 == 0) {
        globex.add(
            new Report(globexId, task, mobile, i % 5 == 0 ? 20 : 10, time, "G" + i, "", null));
      }
    }
    List<Long> stored = rows.reports(reports);
    List<Long> globexStored = rows.reports(globex);
    try {
      exportsOfSeveralBatches(reports, stored, task, mobile);
    } finally {
      // Other tests ask for every Globex row by id (TenantIsolationIntegrationTests): these
      // thousands would make them slow and run into the API's rate limit.
      deleteReports(stored);
      deleteReports(globexStored);
    }
  }

  private void exportsOfSeveralBatches(
      List<Report> reports, List<Long> stored, String task, String mobile) throws Exception {
    List<Report> newest =
        newestFirst(stored, reports).stream().map(id -> reports.get(stored.indexOf(id))).toList();
    Instant from = span.start().plusSeconds(120);
    Instant until = span.start().plusSeconds(360);

    assertThat(carrierCodes("/receipts/export?" + span.filter(0, 30)))
        .as("every report of the half hour")
        .containsExactlyElementsOf(codes(newest, r -> true));
    assertThat(carrierCodes("/receipts/export?mobile=" + mobile + "&" + span.filter(0, 30)))
        .as("one number's")
        .containsExactlyElementsOf(codes(newest, r -> r.mobile().equals(mobile)));
    assertThat(carrierCodes("/receipts/export?taskId=" + task + "&" + span.filter(2, 5)))
        .as("a task's within minutes 2 to 5")
        .containsExactlyElementsOf(
            codes(newest, r -> !r.receivedAt().isBefore(from) && r.receivedAt().isBefore(until)));
    assertThat(
            carrierCodes(
                "/receipts/export?status=failed&mobile=" + mobile + "&" + span.filter(0, 30)))
        .as("one number's failed")
        .containsExactlyElementsOf(
            codes(newest, r -> r.status() == 20 && r.mobile().equals(mobile)));
  }

  private void deleteReports(List<Long> ids) {
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
      jdbc.update(
          "delete from status_report where id in ("
              + String.join(",", java.util.Collections.nCopies(part.size(), "?"))
              + ")",
          part.toArray());
    }
  }

  /** The carrier codes of an export's rows, in its order (the tests make each code unique). */
  private List<String> carrierCodes(String path) throws Exception {
    HttpResponse<String> response = acme.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    List<String> lines = response.body().lines().toList();
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[4]).toList();
  }

  private static List<String> codes(
      List<Report> reports, java.util.function.Predicate<Report> kept) {
    return reports.stream().filter(kept).map(Report::errorCode).toList();
  }

  @Test
  void badFilterInputIsExplainedNextToItsFieldInChineseAndEnglishAndListsNothing()
      throws Exception {
    String mobile = PolledRows.randomMobile();
    report(PolledRows.randomTaskId(), mobile, 10, 1, "DELIVRD", null);

    String zh =
        acme.get("/receipts?mobile=138abc&status=pending&from=yesterday&to=" + span.minute(1))
            .body();
    assertThat(zh).contains("id=\"mobile-error\"").contains("请输入手机号码");
    assertThat(zh).contains("id=\"status-error\"").contains("未知的状态");
    assertThat(zh).contains("id=\"from-error\"").contains("无法识别的时间");
    assertThat(ids(zh)).isEmpty();
    assertThat(zh).doesNotContain("id=\"receipts-empty\"");

    String reversed =
        acme.get("/receipts?" + "from=" + span.minute(5) + "&to=" + span.minute(1)).body();
    assertThat(reversed).contains("id=\"to-error\"").contains("结束时间必须晚于开始时间");
    assertThat(ids(reversed)).isEmpty();

    String en =
        acme.get("/receipts?lang=en&mobile=" + enc(mobile + "x") + "&to=" + span.minute(2)).body();
    assertThat(en).contains("id=\"mobile-error\"").contains("Enter a mobile number");
    assertThat(ids(en)).isEmpty();
    String enRange =
        acme.get("/receipts?lang=en&from=" + span.minute(7) + "&to=" + span.minute(5)).body();
    assertThat(enRange).contains("The end must be later than the start.");
    assertThat(acme.get("/receipts?lang=en&status=sent").body())
        .contains("Unknown status; choose All, Delivered or Failed.");
    assertThat(acme.get("/receipts?lang=en&before=yesterday").body())
        .contains("This page link is not valid");

    HttpResponse<String> export = acme.get("/receipts/export?mobile=138abc");
    assertThat(export.statusCode()).isEqualTo(303);
    assertThat(export.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/receipts?mobile=138abc");
  }

  private long report(String task, String mobile, int status, int minute, String code, Long job) {
    return rows.report(new Report(acmeId, task, mobile, status, span.at(minute), code, "01", job));
  }

  /** The ids of the rows the page at this path lists, in its order. */
  private List<Long> idsAt(String path) throws Exception {
    return ids(acme.get(path).body());
  }

  /** The stored ids in the page's order: received time, then id, newest first. */
  static List<Long> newestFirst(List<Long> ids, List<Report> reports) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing(
                (Integer i) -> reports.get(i).receivedAt().truncatedTo(ChronoUnit.MICROS))
            .thenComparing(ids::get)
            .reversed());
    return order.stream().map(ids::get).toList();
  }
}
