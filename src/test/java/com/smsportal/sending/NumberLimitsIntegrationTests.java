package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.store.NumberFlood;
import com.smsportal.tenant.NumberLimits;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Flood limits per number (issue 26): when a job is stored, when its chunks go, under races. */
@DatabaseDependent(
    "the counter's row locks: submits of the same number at the same moment never pass its limit")
@PortalWithWorkerTest
class NumberLimitsIntegrationTests {

  @LocalServerPort int port;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired SendJobs jobs;
  @Autowired RequestedSends requested;
  @Autowired NumberFlood flood;
  @Autowired TransactionTemplate tx;

  @Test
  void aNumberAtItsLimitIsHeldBackWhenStoredAndLimitedWhenItReachedItBetweenStoreAndSend()
      throws Exception {
    Limited t = tenant("flood-", new NumberLimits(0, 0, 1));
    String a = "13712600001";
    String b = "13712600002";
    String c = "13712600003";
    // Both stored before either goes: the store sees no message to a yet.
    Instant soon = Instant.now().plusSeconds(2);
    long first = submit(t, List.of(a, b), soon).jobId();
    long second = submit(t, List.of(a), soon).jobId();

    JobView one = finished(t, first);
    JobView two = finished(t, second);
    assertThat(one.count(NumberState.SUBMITTED) + two.count(NumberState.SUBMITTED)).isEqualTo(2);
    assertThat(one.limitedAtSend() + two.limitedAtSend()).as("a's second message").isEqualTo(1);
    SimulatorTasks simulator = new SimulatorTasks(port);
    assertThat(simulator.to(a)).as("the gateway got a once").hasSize(1);
    assertThat(simulator.to(b)).hasSize(1);

    // Now a and b have had their message today: the confirmation counts them, the job holds them
    // back and stores c alone, and a job of a alone is refused.
    RequestedSends.Outcome check =
        TenantContext.callAs(
            t.id(),
            () ->
                requested.check(
                    new RequestedSends.SendRequest(
                        t.account(),
                        List.of(a, b, c),
                        "【聚合云】频率",
                        null,
                        null,
                        null,
                        null,
                        UUID.randomUUID().toString())));
    assertThat(check.summary().limited()).isEqualTo(2);
    assertThat(check.summary().recipients()).as("what will be sent").isEqualTo(1);
    assertThat(check.summary().billedSegments()).isEqualTo(1);
    SubmitResult third = submit(t, List.of(a, b, c), null);
    JobView stored = TenantContext.callAs(t.id(), () -> jobs.find(third.jobId()).orElseThrow());
    assertThat(stored.numberCount()).isEqualTo(1);
    assertThat(stored.limitedCount()).isEqualTo(2);
    assertThat(submit(t, List.of(a), null).refusal()).isEqualTo(SendRefusal.ALL_LIMITED);
    assertThat(finished(t, third.jobId()).count(NumberState.SUBMITTED)).isEqualTo(1);
    assertThat(simulator.to(a)).as("still once").hasSize(1);
  }

  @Test
  void twelveJobsToOneNumberAtOnceSendExactlyTheLimitOfThreeADay() throws Exception {
    Limited t = tenant("race-", new NumberLimits(0, 0, 3));
    String mobile = "13712600009";
    int submits = 12;
    Instant soon = Instant.now().plusSeconds(2);
    List<SubmitResult> stored = together(submits, i -> submit(t, List.of(mobile), soon));
    assertThat(stored).allMatch(SubmitResult::accepted);
    long submitted = 0;
    long limited = 0;
    for (SubmitResult r : stored) {
      JobView job = finished(t, r.jobId());
      submitted += job.count(NumberState.SUBMITTED);
      limited += job.limitedAtSend();
    }
    assertThat(submitted).isEqualTo(3);
    assertThat(limited).isEqualTo(9);
    assertThat(new SimulatorTasks(port).to(mobile)).hasSize(3);

    // The same race without the worker's one-submit-at-a-time: 12 claims of the number in 12
    // transactions at the same moment, as 12 nodes would.
    String other = "13712600010";
    NumberLimits three = new NumberLimits(0, 0, 3);
    Instant now = Instant.now();
    List<Set<String>> taken =
        together(
            submits, i -> tx.execute(s -> flood.take(t.id(), -1L, List.of(other), now, three)));
    assertThat(taken.stream().filter(Set::isEmpty).count()).as("counted, not limited").isEqualTo(3);
    assertThat(flood.reached(t.id(), List.of(other), now, three)).containsExactly(other);
    // The counts of a day are forgotten the day after, not before.
    flood.forgetDaysBefore(now);
    assertThat(flood.reached(t.id(), List.of(other), now, three)).containsExactly(other);
    flood.forgetDaysBefore(now.plus(Duration.ofDays(1)));
    assertThat(flood.reached(t.id(), List.of(other), now, three)).isEmpty();
  }

  private interface Call<T> {
    T call(int i) throws Exception;
  }

  /** Runs the calls in threads of their own, released at the same moment. */
  private static <T> List<T> together(int count, Call<T> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(count);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call(n);
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private SubmitResult submit(Limited t, List<String> mobiles, Instant sendTime) {
    return TenantContext.callAs(
        t.id(),
        () ->
            jobs.submit(
                SendOrder.of(
                    t.account(), mobiles, "【聚合云】频率", sendTime, "", UUID.randomUUID().toString())));
  }

  private JobView finished(Limited t, long jobId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> TenantContext.callAs(t.id(), () -> jobs.find(jobId).orElseThrow()),
            j -> j.state() != JobState.OPEN);
  }

  private record Limited(long id, long account) {}

  /** A new tenant with these flood limits and its own account on the simulator. */
  private Limited tenant(String prefix, NumberLimits limits) throws Exception {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(name).id();
    tenants.changeNumberLimits(tenant, limits);
    SimulatorControl.OpenedAccount gw =
        new SimulatorControl(port).open(prefix.replace("-", ""), 1_000_000);
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    return new Limited(tenant, account);
  }
}
