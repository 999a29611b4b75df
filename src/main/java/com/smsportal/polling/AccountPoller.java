package com.smsportal.polling;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.PasswordNeededException;
import com.smsportal.gatewayaccount.RotationInProgressException;
import com.smsportal.tenant.TenantContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Drains one account's two fetch-once queues. Each answer that may carry anything is stored
 * (committed) before it is read; if the database cannot take it, it goes to the spool on disk and
 * the round stops. A full batch of reports means more are waiting: ask again, up to {@code
 * max-fetches} times a round. Runs in the account's tenant context, cleared after on every path.
 */
@Component
class AccountPoller {

  private static final Logger log = LoggerFactory.getLogger(AccountPoller.class);

  private final GatewayAccess gateway;
  private final RawInbox inbox;
  private final Spool spool;
  private final Landing landing;
  private final AnswerRecovery recovery;
  private final Pace pace;
  private final PollIngest ingest;
  private final PollerStates states;
  private final PollerMetrics metrics;
  private final PollerProperties properties;
  private final Clock clock;

  AccountPoller(
      GatewayAccess gateway,
      RawInbox inbox,
      Spool spool,
      Landing landing,
      AnswerRecovery recovery,
      PollIngest ingest,
      PollerStates states,
      PollerMetrics metrics,
      PollerProperties properties,
      Clock clock) {
    this.gateway = gateway;
    this.inbox = inbox;
    this.spool = spool;
    this.landing = landing;
    this.recovery = recovery;
    this.pace = new Pace(properties.statusNum(), properties.answerTime());
    this.ingest = ingest;
    this.states = states;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one round of an account gave. */
  record Round(int reports, int replies, String error) {

    boolean succeeded() {
      return error == null;
    }
  }

  /**
   * Polls the account once: both queues until drained, a stop is asked for, or an error.
   *
   * @param stopping asked before each call to the gateway
   */
  Round poll(GatewayAccountView account, BooleanSupplier stopping) {
    long tenant = account.tenantId();
    return TenantContext.callAs(tenant, () -> pollAsTenant(account, stopping));
  }

  private Round pollAsTenant(GatewayAccountView account, BooleanSupplier stopping) {
    Instant started = clock.instant();
    states.attempted(account.id(), account.tenantId(), started);
    // Items taken so far this round, by queue: what a stop halfway still reports.
    int[] taken = new int[2];
    boolean[] cut = new boolean[1];
    try {
      Optional<Boolean> found =
          gateway.call(
              account.id(),
              as -> {
                // Each queue has half the round's time: a deep queue of reports does not keep
                // the replies waiting, nor this account the others (it goes on next tick).
                Budget reports = new Budget(stopping);
                taken[0] = drain(account, as, InboxKind.REPORTS, reports);
                Budget replies = new Budget(stopping);
                taken[1] = drain(account, as, InboxKind.REPLIES, replies);
                cut[0] = reports.spent || replies.spent;
                return Boolean.TRUE;
              });
      if (found.isEmpty()) {
        return new Round(0, 0, "account not found");
      }
    } catch (RotationInProgressException rotating) {
      return failed(account, "ROTATION_IN_PROGRESS: the password is being rotated", false);
    } catch (PasswordNeededException stale) {
      return failed(account, "PASSWORD_NEEDED: the password must be entered again", false);
    } catch (GatewayException e) {
      return failed(account, e.error() + ": " + e.getMessage(), true);
    } catch (UnreadableAnswerException e) {
      return failed(account, "UPSTREAM_GARBAGE: " + e.getMessage(), true);
    } catch (StoreUnavailableException e) {
      log.warn("Polling account {} stopped: {}", account.id(), e.getMessage());
      return new Round(taken[0], taken[1], "DATABASE_UNAVAILABLE: " + e.getMessage());
    }
    int reports = taken[0];
    int replies = taken[1];
    Instant now = clock.instant();
    // Cut short by its time, the account is due again at once: the schedule's next tick, after
    // the accounts that waited meanwhile.
    states.succeeded(account.id(), now, cut[0] ? now : now.plus(properties.every()));
    return new Round(reports, replies, null);
  }

  private Round failed(GatewayAccountView account, String error, boolean backOff) {
    Instant now = clock.instant();
    int failures = states.failures(account.id()) + 1;
    Duration wait = backOff ? backoff(failures) : properties.every();
    states.failed(account.id(), account.tenantId(), now, error, now.plus(wait));
    metrics.failed(account.id());
    log.warn(
        "Polling account {} failed ({} in a row), next try in {}: {}",
        account.id(),
        failures,
        wait,
        error);
    return new Round(0, 0, error);
  }

  /** every × 2^(failures-1), at most backoff-max. */
  Duration backoff(int failures) {
    Duration wait = properties.every();
    for (int i = 1; i < failures && wait.compareTo(properties.backoffMax()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : wait;
  }

  /**
   * When a queue's fetches stop: at a stop of the portal, or once half the round's time ({@code
   * max-round-time}) has gone. Asked only between fetches: a fetched answer is always stored.
   */
  private final class Budget {
    private final BooleanSupplier stopping;
    private final long end;
    boolean spent;

    Budget(BooleanSupplier stopping) {
      this.stopping = stopping;
      this.end = System.nanoTime() + properties.maxRoundTime().toNanos() / 2;
    }

    boolean over(int calls) {
      if (stopping.getAsBoolean()) {
        return true;
      }
      if (calls > 0 && System.nanoTime() - end >= 0) {
        spent = true; // at least one fetch per queue and round, however slow
        return true;
      }
      return false;
    }
  }

  private int drain(
      GatewayAccountView account, AccountGateway gateway, InboxKind kind, Budget budget) {
    int total = 0;
    for (int call = 0; call < properties.maxFetches() && !budget.over(call); call++) {
      int asked = kind == InboxKind.REPORTS ? pace.statusNum(account.id()) : 0;
      Landing.Transfer transfer = landing.open(account.tenantId(), account.id(), kind);
      String body;
      try {
        body =
            kind == InboxKind.REPORTS
                ? gateway.fetchStatusReports(asked, transfer)
                : gateway.fetchReplies(properties.ownExt(), transfer);
      } catch (RuntimeException failed) {
        // Cut off on its way: what arrived whole is stored before the failure is reported.
        recoverCutOff(account, kind, transfer, failed);
        throw failed;
      }
      Instant fetchedAt = clock.instant();
      if (!mayCarryItems(kind, body)) {
        int items = readEmptyLooking(kind, body, transfer);
        if (items == 0) {
          return total;
        }
      }
      long id = store(account, kind, fetchedAt, body, transfer);
      PollIngest.Result result;
      try {
        result =
            ingest.process(
                new StoredAnswer(
                    id,
                    account.tenantId(),
                    account.id(),
                    kind,
                    RawInbox.POLL,
                    InboxState.NEW,
                    fetchedAt,
                    body,
                    null,
                    null,
                    null));
      } catch (DataAccessException | TransactionException e) {
        // Stored: the backlog processes it once the database takes writes again.
        throw new StoreUnavailableException("answer " + id + " stored, not yet processed", e);
      }
      total += result.items();
      metrics.fetched(kind, result.items());
      states.fetched(account.id(), fetchedAt, result.items());
      if (!result.readable()) {
        throw new UnreadableAnswerException(id);
      }
      if (kind == InboxKind.REPORTS) {
        pace.observe(account.id(), result.items(), transfer.bytes(), transfer.transferNanos());
      }
      if (kind == InboxKind.REPORTS ? result.items() < asked : result.items() == 0) {
        return total;
      }
    }
    return total;
  }

  /** Stores what arrived whole of a transfer that failed. */
  private void recoverCutOff(
      GatewayAccountView account, InboxKind kind, Landing.Transfer transfer, RuntimeException e) {
    Optional<PollIngest.Result> recovered;
    try {
      recovered = recovery.recover(transfer);
    } catch (DataAccessException | TransactionException databaseFailed) {
      // The file stays: the schedule takes it once the database is back.
      log.warn(
          "An answer of account {} ({}) was cut off; what arrived stays on disk: {}",
          account.id(),
          kind,
          databaseFailed.getMessage());
      e.addSuppressed(databaseFailed);
      return;
    }
    int items = recovered.map(PollIngest.Result::items).orElse(0);
    if (items > 0) {
      Instant now = clock.instant();
      metrics.fetched(kind, items);
      states.fetched(account.id(), now, items);
    }
  }

  /**
   * An answer without a single item element carries nothing to lose: read it first. Empty, it is
   * not stored; a readable error is thrown; anything else unreadable is stored to be looked at.
   */
  private int readEmptyLooking(InboxKind kind, String body, Landing.Transfer transfer) {
    try {
      int items =
          kind == InboxKind.REPORTS
              ? GatewayClient.readStatusReports(body).reports().size()
              : GatewayClient.readReplies(body).replies().size();
      if (items == 0) {
        transfer.landed(); // nothing in it to keep
      }
      return items;
    } catch (GatewayException e) {
      if (e.error() == GatewayError.UPSTREAM_GARBAGE) {
        return -1;
      }
      transfer.landed(); // a readable error: nothing in it to keep
      throw e;
    }
  }

  private static boolean mayCarryItems(InboxKind kind, String body) {
    String tag = kind == InboxKind.REPORTS ? "statusbox" : "callbox";
    return body.toLowerCase(Locale.ROOT).contains(tag);
  }

  /**
   * Commits the answer to the inbox, or spools it and stops the round; either way its file goes. If
   * the spool fails too, the file stays: the schedule takes it once the database is back.
   */
  private long store(
      GatewayAccountView account,
      InboxKind kind,
      Instant fetchedAt,
      String body,
      Landing.Transfer transfer) {
    try {
      long id =
          inbox.store(
              account.tenantId(),
              account.id(),
              kind,
              RawInbox.POLL,
              fetchedAt,
              body,
              transfer.id());
      transfer.landed();
      return id;
    } catch (DataAccessException | TransactionException e) {
      try {
        spool.write(
            new Spool.Entry(
                account.tenantId(), account.id(), kind, fetchedAt, body, transfer.id()));
        transfer.landed();
        log.warn(
            "The database did not take an answer of account {} ({}); spooled to {}",
            account.id(),
            kind,
            spool.directory());
      } catch (IOException spoolFailed) {
        transfer.cutOff();
        transfer.release();
        boolean kept = transfer.file() != null && java.nio.file.Files.exists(transfer.file());
        log.error(
            "The database did not take an answer of account {} ({}) and the spool {} failed too:"
                + " {} characters {}",
            account.id(),
            kind,
            spool.directory(),
            body.length(),
            kept ? "kept in " + transfer.file() : "LOST",
            spoolFailed);
      }
      throw new StoreUnavailableException("the database did not take an answer", e);
    }
  }
}
