package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The dashboard's numbers per day: what counts, on which day, for whom. */
@DatabaseDependent(
    "counts per China day: ranges of time columns through the driver's time zone handling")
@PortalIntegrationTest
class SendStatisticsIntegrationTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired SendStatistics statistics;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired ApplicationContext context;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired java.time.Clock clock;

  SendFixtures fixtures;
  long tenant;
  long account;

  @BeforeEach
  void setUp() {
    fixtures = new SendFixtures(context);
    tenant = tenants.create("stats-" + UUID.randomUUID()).id();
    account = accountOf(tenant);
  }

  @Test
  void eachNumberCountsOnTheChinaDayItsChunkWasAcceptedWithItsReportedOutcome() {
    // 2031-03-10 00:00 in Beijing is 2031-03-09 16:00 UTC.
    fixtures.accepted(tenant, account, Instant.parse("2031-03-09T15:59:59Z"), 0, 1, 0);
    fixtures.accepted(tenant, account, Instant.parse("2031-03-09T16:00:00Z"), 2, 1, 0);
    fixtures.accepted(tenant, account, Instant.parse("2031-03-10T15:59:59.999Z"), 1, 0, 1);
    fixtures.accepted(tenant, account, Instant.parse("2031-03-10T16:00:00Z"), 0, 0, 4);
    fixtures.rejected(tenant, account, Instant.parse("2031-03-10T03:00:00Z"), 5);

    List<DailySends> days =
        as(tenant, () -> statistics.between(day("2031-03-08"), day("2031-03-11")));

    assertThat(days)
        .containsExactly(
            new DailySends(day("2031-03-08"), 0, 0, 0),
            new DailySends(day("2031-03-09"), 1, 0, 1),
            new DailySends(day("2031-03-10"), 5, 3, 1),
            new DailySends(day("2031-03-11"), 4, 0, 0));
    assertThat(days.get(0).deliveryRate()).isNull();
    assertThat(days.get(1).deliveryRate()).isZero();
    assertThat(days.get(2).deliveryRate()).isEqualTo(0.75);
    assertThat(days.get(3).deliveryRate()).as("nothing reported yet").isNull();
  }

  @Test
  void aPersonalisedChunkIsBilledByItsOwnTextsSegmentsOnSupportsDashboard() {
    SendVolume before = statistics.todayAcrossTenants();
    long plain = fixtures.accepted(tenant, account, clock.instant(), 0, 0, 2);
    long personalised = fixtures.accepted(tenant, account, clock.instant(), 0, 0, 2);
    // Issue 24: the chunk of a personalised job keeps its own text and that text's segments.
    String threeSegments = "【本店】" + "长".repeat(140);
    jdbc.update(
        "update send_chunk set content = ?, segments = ? where job_id = ?",
        threeSegments,
        com.smsportal.message.MessageSegments.count(threeSegments).segments(),
        personalised);

    SendVolume after = statistics.todayAcrossTenants();

    assertThat(after.numbers() - before.numbers()).isEqualTo(4);
    assertThat(after.billedSegments() - before.billedSegments())
        .as("2 numbers of the plain job's text, 2 of the personalised chunk's 3 segments")
        .isEqualTo(2L * segmentsOf(plain) + 2L * 3);
  }

  private int segmentsOf(long job) {
    return jdbc.queryForObject("select segments from send_job where id = ?", Integer.class, job);
  }

  @Test
  void anotherTenantsSendsNeverCount() {
    long other = tenants.create("stats-other-" + UUID.randomUUID()).id();
    fixtures.accepted(other, accountOf(other), Instant.parse("2031-04-01T04:00:00Z"), 7, 2, 0);
    fixtures.accepted(tenant, account, Instant.parse("2031-04-01T05:00:00Z"), 1, 0, 0);

    assertThat(as(tenant, () -> statistics.between(day("2031-04-01"), day("2031-04-01"))))
        .containsExactly(new DailySends(day("2031-04-01"), 1, 1, 0));
    assertThat(as(other, () -> statistics.between(day("2031-04-01"), day("2031-04-01"))))
        .containsExactly(new DailySends(day("2031-04-01"), 9, 7, 2));
  }

  @Test
  void theLastDaysEndTodayInChinaAndIncludeEveryDayWithZeros() {
    List<DailySends> month = as(tenant, () -> statistics.lastDays(30));
    LocalDate today = LocalDate.now(CHINA);
    assertThat(month).hasSize(30);
    assertThat(month.get(29).day()).isIn(today, today.minusDays(1));
    assertThat(month.get(0).day()).isEqualTo(month.get(29).day().minusDays(29));
    assertThat(month).allSatisfy(d -> assertThat(d.sent()).isZero());
    assertThatThrownBy(() -> statistics.lastDays(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private long accountOf(long tenantId) {
    return TenantContext.callAs(
        tenantId,
        () ->
            accounts.ensure(
                "stats-" + UUID.randomUUID(),
                TestEndpoints.of(endpoints, "http://127.0.0.1:1"),
                GatewayCharset.UTF8,
                "101",
                // Each tenant its own gateway account: one can be registered only once.
                "stats-" + UUID.randomUUID(),
                "secret-1"));
  }

  private static <T> T as(long tenantId, java.util.function.Supplier<T> work) {
    return TenantContext.callAs(tenantId, work);
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }
}
