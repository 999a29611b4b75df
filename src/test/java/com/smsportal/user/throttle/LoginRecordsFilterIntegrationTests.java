package com.smsportal.user.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrators' login records, filtered by user name, address, result and time, paged by
 * keyset newest first; bad input is explained next to its field and shows no rows.
 */
@PortalIntegrationTest
class LoginRecordsFilterIntegrationTests {

  private static final Pattern ROW = Pattern.compile("data-id=\"(\\d+)\"");

  @Autowired MockMvc mvc;
  @Autowired LoginAttemptRepository attempts;

  MockHttpSession admin;
  String user;
  String other;
  String addressA;
  String addressB;

  @BeforeEach
  void records() throws Exception {
    admin = Logins.as(mvc, "admin");
    String unique = UUID.randomUUID().toString().substring(0, 8);
    user = "filter-" + unique;
    other = "other-" + unique;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    addressA = "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255);
    addressB = "2001:db8::" + Integer.toHexString(random.nextInt(1, 0xffff));
  }

  @Test
  void eachFilterNarrowsTheRecords() throws Exception {
    long success = save(user, LoginOutcome.SUCCESS, addressA, "2021-03-01T02:00:00Z");
    long wrong = save(user, LoginOutcome.BAD_CREDENTIALS, addressB, "2021-03-02T02:00:00Z");
    long locked = save(user, LoginOutcome.LOCKED, addressB, "2021-03-03T02:00:00Z");
    long code = save(other, LoginOutcome.BAD_CODE, addressA, "2021-03-02T03:00:00Z");

    assertThat(rows("username=" + user.toUpperCase())).containsExactly(locked, wrong, success);
    assertThat(rows("ip=" + addressA)).containsExactly(code, success);
    assertThat(rows("ip=" + addressB + "&result=LOCKED")).containsExactly(locked);
    assertThat(rows("username=" + user + "&result=failed")).containsExactly(locked, wrong);
    assertThat(rows("username=" + user + "&result=SUCCESS")).containsExactly(success);
    // 2021-03-02 10:00 in China is 02:00 UTC; "to" includes its whole minute.
    assertThat(rows("ip=" + addressA + "&from=2021-03-02T00:00&to=2021-03-02T11:00"))
        .containsExactly(code);
    assertThat(rows("username=" + user + "&from=2021-03-02T10:00&to=2021-03-02T10:00"))
        .containsExactly(wrong);

    String none = page("username=" + user + "&result=DISABLED");
    assertThat(none).contains("没有符合筛选条件的登录记录").doesNotContain("id=\"attempt-table\"");
    assertThat(page("username=" + user + "&result=DISABLED&lang=en"))
        .contains("No login records match the filter.");
  }

  @Test
  void aLongListIsPagedNewestFirstAndKeepsItsFilter() throws Exception {
    List<Long> ids = new ArrayList<>();
    Instant start = Instant.parse("2021-04-01T00:00:00Z");
    for (int i = 0; i < LoginAttemptsController.PAGE_SIZE + 2; i++) {
      ids.add(save(user, LoginOutcome.BAD_CREDENTIALS, addressA, start.plusSeconds(60L * i)));
    }
    save(other, LoginOutcome.BAD_CREDENTIALS, addressA, start.plusSeconds(30));
    String first = page("username=" + user);
    assertThat(ids(first))
        .hasSize(LoginAttemptsController.PAGE_SIZE)
        .first()
        .isEqualTo(ids.get(ids.size() - 1));
    Matcher older = Pattern.compile("id=\"attempts-older\"[^>]*href=\"([^\"]+)\"").matcher(first);
    if (!older.find()) {
      older = Pattern.compile("href=\"([^\"]+)\"[^>]*id=\"attempts-older\"").matcher(first);
      assertThat(older.find()).as("a link to older records").isTrue();
    }
    String link = older.group(1).replace("&amp;", "&");
    assertThat(link).contains("username=" + user);
    String second = body(link);
    assertThat(ids(second)).containsExactly(ids.get(1), ids.get(0));
  }

  @Test
  void badInputGivesItsMessageAndShowsNoRows() throws Exception {
    save(user, LoginOutcome.SUCCESS, addressA, "2021-03-01T02:00:00Z");
    assertThat(page("ip=not-an-address")).contains("请输入 IP 地址");
    assertThat(page("ip=not-an-address&lang=en")).contains("Enter an IP address");
    assertThat(page("result=whatever")).contains("请从列表中选择结果");
    assertThat(page("from=2021-03-02T10:00&to=2021-03-01T10:00")).contains("结束时间必须晚于开始时间");
    assertThat(page("from=yesterday")).contains("无法识别的时间");
    assertThat(page("before=garbage")).contains("分页链接无效");
    for (String bad :
        List.of("ip=not-an-address", "result=whatever", "from=yesterday", "before=garbage")) {
      String page = page("username=" + user + "&" + bad);
      assertThat(ids(page)).as(bad).isEmpty();
      assertThat(page).as(bad).doesNotContain("id=\"attempts-empty\"");
    }
  }

  private long save(String name, LoginOutcome outcome, String ip, String at) {
    return save(name, outcome, ip, Instant.parse(at));
  }

  private long save(String name, LoginOutcome outcome, String ip, Instant at) {
    return attempts.save(new LoginAttempt(name, outcome, ip, at)).getId();
  }

  private List<Long> rows(String query) throws Exception {
    return ids(page(query));
  }

  private static List<Long> ids(String page) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private String page(String query) throws Exception {
    return body("/admin/logins?" + query);
  }

  private String body(String url) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(url).session(admin)).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString();
  }
}
