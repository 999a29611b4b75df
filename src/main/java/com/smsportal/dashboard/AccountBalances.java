package com.smsportal.dashboard;

import com.smsportal.gateway.Balance;
import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The balance of each gateway account of the current tenant, asked from the gateway ({@code
 * overage}) and kept for {@link DashboardProperties#balanceCache()}, so that reloading the
 * dashboard does not call the gateway each time.
 *
 * <p>The calls run in parallel on a small pool of their own; a page waits for them at most {@link
 * DashboardProperties#balanceWait()}, so one hung account delays nobody for longer than that. An
 * account with a call under way is never asked twice at once. The pool's threads call the gateway
 * through {@link GatewayAccess} in the account's tenant context, stated explicitly.
 *
 * <p>In a cluster this cache is per node, on purpose, and never invalidated across nodes: a kept
 * balance is at most {@code balance-cache} old (60 s by default), it is shown for information only
 * (the gateway itself refuses a send that the balance cannot pay, and the page's refresh asks the
 * gateway at once), so two nodes showing different balances for that long misleads nobody and loses
 * nothing.
 */
@Service
@EnableConfigurationProperties(DashboardProperties.class)
class AccountBalances {

  private static final Logger log = LoggerFactory.getLogger(AccountBalances.class);

  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final GatewayAccess gateway;
  private final BalanceReadings readings;
  private final DashboardProperties properties;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<Long, Reading> answers = new ConcurrentHashMap<>();

  AccountBalances(
      GatewayAccounts accounts,
      TenantService tenants,
      GatewayAccess gateway,
      BalanceReadings readings,
      DashboardProperties properties,
      Clock clock) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.gateway = gateway;
    this.readings = readings;
    this.properties = properties;
    this.clock = clock;
    AtomicInteger threads = new AtomicInteger();
    int size = Math.max(1, properties.balanceThreads());
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            // Bounded: a look-up that finds it full is not made (see start()).
            new ArrayBlockingQueue<>(Math.max(1, properties.balanceQueue())),
            task -> {
              Thread thread = new Thread(task, "dashboard-balance-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  /**
   * Every account of the current tenant with its balance, in the accounts' order; those the gateway
   * has not answered for within the wait are {@link BalanceStatus#PENDING}.
   *
   * @param refresh ask the gateway again even where a recent answer is kept
   */
  List<BalanceRow> ofCurrentTenant(boolean refresh) {
    List<GatewayAccountView> views = accounts.list();
    Threshold threshold = new Threshold();
    List<Object> started = new ArrayList<>(views.size());
    for (GatewayAccountView view : views) {
      started.add(start(view, refresh));
    }
    long deadline = System.nanoTime() + properties.balanceWait().toNanos();
    List<BalanceRow> rows = new ArrayList<>(views.size());
    for (int i = 0; i < views.size(); i++) {
      GatewayAccountView view = views.get(i);
      rows.add(row(view, started.get(i), deadline, threshold));
    }
    return rows;
  }

  /** One account of the current tenant, without waiting for the gateway; empty if not its own. */
  Optional<BalanceRow> ofAccount(long accountId) {
    return accounts
        .find(accountId)
        .map(view -> row(view, start(view, false), System.nanoTime(), new Threshold()));
  }

  /** A reading of the account (kept or new), or the status that stops it from being asked. */
  private Object start(GatewayAccountView view, boolean refresh) {
    if (!view.active()) {
      return BalanceStatus.INACTIVE;
    }
    if (view.waitsForRotation()) {
      return BalanceStatus.ROTATING;
    }
    Reading kept = answers.get(view.id());
    if (kept != null && Objects.equals(kept.settingsOf(), view.updatedAt())) {
      if (!kept.answer().isDone() || (!refresh && fresh(kept))) {
        return kept;
      }
    }
    Reading reading;
    try {
      reading = new Reading(view.updatedAt(), CompletableFuture.supplyAsync(() -> ask(view), pool));
    } catch (RejectedExecutionException full) {
      // Every thread busy and the queue full (accounts whose gateway hangs): this account is not
      // asked now and says so; nothing is kept, the next page view asks again.
      return new Reading(
          view.updatedAt(),
          CompletableFuture.completedFuture(
              new Answer(null, "dashboard.balance.busy", null, null, clock.instant())));
    }
    answers.put(view.id(), reading);
    return reading;
  }

  /** Asks the gateway, in the pool, as the account of the view's tenant. */
  private Answer ask(GatewayAccountView account) {
    try {
      return TenantContext.callAs(
              account.tenantId(), () -> gateway.call(account.id(), AccountGateway::overage))
          .fold(
              balance -> {
                Instant at = clock.instant();
                // Kept for support's dashboard (tenants with a low balance), which never asks.
                readings.record(account.id(), account.tenantId(), balance.overage(), at);
                return new Answer(balance, null, null, null, at);
              },
              unusable ->
                  new Answer(
                      null,
                      switch (unusable) {
                        case NOT_FOUND -> "dashboard.balance.failed";
                        case ROTATING -> "accounts.connection.rotating";
                        case PASSWORD_NEEDED -> AccountCall.PASSWORD_NEEDED_KEY;
                      },
                      null,
                      null,
                      clock.instant()),
              failure ->
                  new Answer(
                      null,
                      failure.error().readMessageKey(),
                      failure.messageArgument(),
                      failure.upstreamMessage(),
                      clock.instant()));
    } catch (RuntimeException unexpected) {
      log.warn("Balance of {} could not be read", account, unexpected);
      return new Answer(null, "dashboard.balance.failed", null, null, clock.instant());
    }
  }

  private boolean fresh(Reading reading) {
    Answer answer = reading.answer().getNow(null);
    return answer != null
        && clock.instant().isBefore(answer.at().plus(positive(properties.balanceCache())));
  }

  private BalanceRow row(
      GatewayAccountView view, Object started, long deadline, Threshold threshold) {
    Long limit = threshold.of(view);
    if (started instanceof BalanceStatus status) {
      return new BalanceRow(
          view.id(), view.name(), status, 0, false, null, null, limit, null, null, null);
    }
    Answer answer = await(((Reading) started).answer(), deadline);
    if (answer == null) {
      return new BalanceRow(
          view.id(),
          view.name(),
          BalanceStatus.PENDING,
          0,
          false,
          null,
          null,
          limit,
          null,
          null,
          null);
    }
    if (answer.balance() == null) {
      return new BalanceRow(
          view.id(),
          view.name(),
          BalanceStatus.FAILED,
          0,
          false,
          null,
          answer.at(),
          limit,
          answer.errorKey(),
          answer.errorArgument(),
          answer.upstreamMessage());
    }
    Balance balance = answer.balance();
    return new BalanceRow(
        view.id(),
        view.name(),
        BalanceStatus.OK,
        balance.overage(),
        balance.prepaid(),
        balance.payInfo(),
        answer.at(),
        limit,
        null,
        null,
        null);
  }

  private static Answer await(CompletableFuture<Answer> answer, long deadline) {
    try {
      long left = deadline - System.nanoTime();
      return left <= 0 ? answer.getNow(null) : answer.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException notYet) {
      return null;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException impossible) {
      // ask() catches everything; a rejected task (pool stopped) ends here.
      return new Answer(null, "dashboard.balance.failed", null, null, null);
    }
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /** The account's own threshold, or else its tenant's: the tenant read once per page. */
  private final class Threshold {
    private TenantView tenant;

    Long of(GatewayAccountView view) {
      if (view.lowBalanceThreshold() != null) {
        return view.lowBalanceThreshold();
      }
      if (tenant == null || tenant.id() != view.tenantId()) {
        tenant = tenants.find(view.tenantId()).orElse(null);
      }
      return tenant == null ? null : tenant.lowBalanceThreshold();
    }
  }

  /** A call for the balance, under way or answered, made with the account's settings then. */
  private record Reading(Instant settingsOf, CompletableFuture<Answer> answer) {}

  /** The balance, or the explanation of why there is none; {@code at} when the gateway answered. */
  private record Answer(
      Balance balance, String errorKey, String errorArgument, String upstreamMessage, Instant at) {}
}
