package com.smsportal.replies;

import static com.smsportal.PageWindow.enc;
import static com.smsportal.PageWindow.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PageWindow;
import com.smsportal.PolledRows;
import com.smsportal.PolledRows.Reply;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.audit.AuditDetail;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.Times;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replies page, its export and the dashboard's facade over real HTTP, on replies stored as the
 * poller stores them. Each test works in its own minutes of a past year, so rows of other tests
 * never get in.
 */
@DatabaseDependent("filters over time columns, keyset pages and the export's query on the dialect")
@PortalHttpTest
class RepliesPagesIntegrationTests {

  static final Pattern OLDER = Pattern.compile("id=\"replies-older\"[^>]*href=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired ReplyQueries replyQueries;

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
    // A half hour of 2004 no other test uses: the time filter keeps each test to its own rows.
    span = PageWindow.somewhereIn(2004);
  }

  @Test
  void eachFilterNarrowsTheRepliesAndAnotherTenantsNeverShow() throws Exception {
    String a = PolledRows.randomMobile();
    String b = PolledRows.randomMobile();
    long thanks = reply(a, "谢谢，已收到", 1, 41L, false);
    long stop = reply(b, "STOP please", 2, null, true);
    long percent = reply(a, "50%_off? 退订", 5, null, true);
    long plain = reply(b, "500 off", 9, 42L, false);
    rows.reply(new Reply(globexId, a, "Globex 谢谢 secret", span.at(3), "", null, false));
    String window = span.filter(0, 10);

    assertThat(idsAt("/replies?" + window)).containsExactly(plain, percent, stop, thanks);
    assertThat(idsAt("/replies?" + window + "&mobile=" + a)).containsExactly(percent, thanks);
    assertThat(idsAt("/replies?" + window + "&mobile=" + enc("+86" + b)))
        .containsExactly(plain, stop);
    assertThat(idsAt("/replies?" + window + "&q=" + enc("谢谢"))).containsExactly(thanks);
    assertThat(idsAt("/replies?" + window + "&q=stop")).containsExactly(stop);
    // The person's % and _ are literal characters, not LIKE wildcards.
    assertThat(idsAt("/replies?" + window + "&q=" + enc("%"))).containsExactly(percent);
    assertThat(idsAt("/replies?" + window + "&q=" + enc("0_o"))).isEmpty();
    assertThat(idsAt("/replies?" + window + "&q=" + enc("%_"))).containsExactly(percent);
    assertThat(idsAt("/replies?" + span.filter(2, 5))).containsExactly(percent, stop);

    String page = acme.get("/replies?" + window).body();
    assertThat(page).doesNotContain("Globex 谢谢 secret");
    assertThat(page).contains("href=\"/jobs/41\"").contains("href=\"/jobs/42\"");
    assertThat(page.split("badge-warn\">退订<", -1)).hasSize(3); // the two opt-outs
    assertThat(acme.get("/replies?" + window + "&q=nothing-like-this").body())
        .contains("id=\"replies-empty\"")
        .contains("没有符合条件的回复");
  }

  @Test
  void olderLinksWalkEveryReplyOnceNewestFirstKeepingTheFilter() throws Exception {
    String mobile = PolledRows.randomMobile();
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < 121; i++) {
      // Seven replies share each second, across the page ends too: the pages must break ties by
      // id, not lose or repeat a reply.
      replies.add(
          new Reply(
              acmeId, mobile, "reply " + i, span.start().plusSeconds(i / 7), "", null, false));
    }
    List<Long> stored = rows.replies(replies);
    rows.reply(
        new Reply(acmeId, PolledRows.randomMobile(), "other", span.start(), "", null, false));
    List<Long> expected = new ArrayList<>(stored);
    // Stored in time order, ids ascending: newest first is the exact reverse.
    Collections.reverse(expected);

    List<Long> seen = new ArrayList<>();
    String next = "/replies?mobile=" + mobile + "&" + span.filter(0, 30);
    int pages = 0;
    while (next != null) {
      String page = acme.get(next).body();
      pages++;
      seen.addAll(ids(page));
      if (pages > 1) {
        assertThat(page).contains("id=\"replies-newest\"");
      }
      Matcher older = OLDER.matcher(page);
      next = older.find() ? older.group(1).replace("&amp;", "&") : null;
      if (next != null) {
        assertThat(next).contains("mobile=" + mobile).contains("before=");
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void theExportHoldsExactlyTheFilteredRepliesAfterAByteOrderMark() throws Exception {
    String mobile = PolledRows.randomMobile();
    reply(mobile, "好的, \"收到\"", 1, 7L, false);
    reply(mobile, "=cmd|' /C calc'!A0", 2, null, false);
    reply(mobile, "退订", 3, null, true);
    reply(PolledRows.randomMobile(), "another number", 2, null, false);
    rows.reply(new Reply(globexId, mobile, "Globex reply", span.at(2), "", null, false));

    HttpResponse<String> response =
        acme.get("/replies/export?mobile=" + mobile + "&" + span.filter(0, 10));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("replies-" + LocalDate.now(Times.ZONE) + ".csv");
    Times times = new Times();
    assertThat(response.body().lines().toList())
        .containsExactly(
            "\uFEFF接收时间,手机号码,内容,扩展号,发送任务,退订",
            times.format(span.at(3)) + "," + mobile + ",退订,01,,是",
            times.format(span.at(2)) + "," + mobile + ",'=cmd|' /C calc'!A0,01,,否",
            times.format(span.at(1)) + "," + mobile + ",\"好的, \"\"收到\"\"\",01,7,否");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'EXPORT' and target = ?"
                    + " and actor = 'acme' and detail like ?",
                Integer.class,
                AuditDetail.of("audit.target.replies").encode(),
                "%" + mobile + "%"))
        .isEqualTo(1);
  }

  /**
   * An export of several batches (issue 27: each batch is read from the last row's time and id,
   * with plain SQL) holds every reply its filter matches once, newest first, ties broken by id
   * across the batches' boundaries; another tenant's replies of the same number, words and times
   * never appear.
   */
  @Test
  void anExportOfSeveralBatchesHoldsEachMatchingReplyOnceNewestFirstAndNoneOfAnotherTenant()
      throws Exception {
    String mobile = PolledRows.randomMobile();
    List<Reply> replies = new ArrayList<>();
    List<Reply> globex = new ArrayList<>();
    for (int i = 0; i < 3 * CsvDownload.BATCH + 200; i++) {
      // Seven replies a second: every batch ends inside a second.
      Instant time = span.start().plusMillis(i / 7 * 1_000L + 250);
      String number = i % 2 == 0 ? mobile : PolledRows.randomMobile();
      String words = i % 3 == 0 ? "退订 a" + i : "thanks a" + i;
      replies.add(new Reply(acmeId, number, words, time, "", null, i % 3 == 0));
      if (i % 4 == 0) {
        globex.add(new Reply(globexId, mobile, "退订 g" + i, time, "", null, true));
      }
    }
    List<Long> stored = rows.replies(replies);
    List<Long> globexStored = rows.replies(globex);
    try {
      exportsOfSeveralBatches(replies, stored, mobile);
    } finally {
      // Other tests ask for every Globex row by id (TenantIsolationIntegrationTests): these
      // thousands would make them slow and run into the API's rate limit.
      deleteReplies(stored);
      deleteReplies(globexStored);
    }
  }

  private void exportsOfSeveralBatches(List<Reply> replies, List<Long> stored, String mobile)
      throws Exception {
    // Newest first: by time, then by id (stored in order, so a later one has a larger id).
    List<Reply> newest = new ArrayList<>(replies);
    Collections.reverse(newest);
    assertThat(stored).isSorted();

    assertThat(contents("/replies/export?" + span.filter(0, 30)))
        .as("every reply of the half hour")
        .containsExactlyElementsOf(contents(newest, r -> true));
    assertThat(contents("/replies/export?mobile=" + mobile + "&" + span.filter(0, 30)))
        .as("one number's")
        .containsExactlyElementsOf(contents(newest, r -> r.mobile().equals(mobile)));
    assertThat(contents("/replies/export?q=" + enc("退订") + "&" + span.filter(0, 30)))
        .as("those with a word")
        .containsExactlyElementsOf(contents(newest, r -> r.content().contains("退订")));
  }

  private void deleteReplies(List<Long> ids) {
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
      jdbc.update(
          "delete from reply where id in ("
              + String.join(",", Collections.nCopies(part.size(), "?"))
              + ")",
          part.toArray());
    }
  }

  /** The contents of an export's rows, in its order (the test makes each one unique). */
  private List<String> contents(String path) throws Exception {
    HttpResponse<String> response = acme.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    List<String> lines = response.body().lines().toList();
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[2]).toList();
  }

  private static List<String> contents(
      List<Reply> replies, java.util.function.Predicate<Reply> kept) {
    return replies.stream().filter(kept).map(Reply::content).toList();
  }

  @Test
  void badFilterInputIsExplainedNextToItsFieldInChineseAndEnglishAndListsNothing()
      throws Exception {
    String mobile = PolledRows.randomMobile();
    reply(mobile, "hello", 1, null, false);

    String zh =
        acme.get("/replies?mobile=phone&q=" + "x".repeat(101) + "&to=2004-13-45T99:00").body();
    assertThat(zh).contains("id=\"mobile-error\"").contains("请输入手机号码");
    assertThat(zh).contains("id=\"q-error\"").contains("内容过长");
    assertThat(zh).contains("id=\"to-error\"").contains("无法识别的时间");
    assertThat(ids(zh)).isEmpty();
    assertThat(zh).doesNotContain("id=\"replies-empty\"");
    assertThat(acme.get("/replies?from=" + span.minute(3) + "&to=" + span.minute(1)).body())
        .contains("id=\"to-error\"")
        .contains("结束时间必须晚于开始时间")
        .doesNotContain("<tr data-id=");

    String en = acme.get("/replies?lang=en&mobile=" + enc("+1 " + mobile)).body();
    assertThat(en).contains("id=\"mobile-error\"").contains("Enter a mobile number");
    assertThat(ids(en)).isEmpty();
    assertThat(acme.get("/replies?lang=en&from=soon").body())
        .contains("id=\"from-error\"")
        .contains("This time cannot be read");
    assertThat(acme.get("/replies?lang=en&from=" + span.minute(3) + "&to=" + span.minute(1)).body())
        .contains("The end must be later than the start.");

    HttpResponse<String> export = acme.get("/replies/export?lang=en&from=soon");
    assertThat(export.statusCode()).isEqualTo(303);
    assertThat(export.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/replies?lang=en&from=soon");
  }

  @Test
  void aReplyIsShownAsTheTextItsSenderWroteNeverAsMarkup() throws Exception {
    String mobile = PolledRows.randomMobile();
    reply(mobile, "<script>alert(1)</script>", 1, null, false);

    String page = acme.get("/replies?mobile=" + mobile).body();
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page).doesNotContain("<script>alert(1)");
  }

  @Test
  void theDashboardsLatestRepliesAreTheTenantsNewestFirst() {
    // Far in the future, so that they are the newest of any test's.
    Instant future =
        Instant.parse("2090-01-01T00:00:00Z")
            .plusSeconds(span.start().getEpochSecond() % 1_000_000);
    String mobile = PolledRows.randomMobile();
    long older = rows.reply(new Reply(acmeId, mobile, "older", future, "", null, false));
    long newest =
        rows.reply(new Reply(acmeId, mobile, "newest", future.plusSeconds(2), "", 9L, true));
    rows.reply(new Reply(globexId, mobile, "Globex's", future.plusSeconds(1), "", null, false));

    List<ReplyView> latest = TenantContext.callAs(acmeId, () -> replyQueries.latest(2));

    assertThat(latest).extracting(ReplyView::id).containsExactly(newest, older);
    assertThat(latest.get(0))
        .extracting(
            ReplyView::id,
            ReplyView::mobile,
            ReplyView::content,
            ReplyView::receivedAt,
            ReplyView::jobId,
            ReplyView::optOut)
        .containsExactly(newest, mobile, "newest", future.plusSeconds(2), 9L, true);
    jdbc.update("delete from reply where mobile = ?", mobile);
  }

  private long reply(String mobile, String content, int minute, Long job, boolean optOut) {
    return rows.reply(new Reply(acmeId, mobile, content, span.at(minute), "01", job, optOut));
  }

  private List<Long> idsAt(String path) throws Exception {
    return ids(acme.get(path).body());
  }
}
