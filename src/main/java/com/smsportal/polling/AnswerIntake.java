package com.smsportal.polling;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gatewayaccount.GatewayAccountView;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What becomes of one answer an {@link AccountPoller} fetched, or of what arrived of it: an answer
 * that may carry items is committed to the inbox before it is read (or spooled if the database
 * cannot take it: the round stops), its landing file deleted only then, and it is processed; one
 * without a single item element is read first; what arrived whole of a transfer cut off on its way
 * is stored before the failure is reported ({@link AnswerRecovery}).
 */
@Component
class AnswerIntake {

  private static final Logger log = LoggerFactory.getLogger(AnswerIntake.class);

  private final RawInbox inbox;
  private final Spool spool;
  private final AnswerRecovery recovery;
  private final PollIngest ingest;
  private final PollerStates states;
  private final PollerMetrics metrics;
  private final Clock clock;

  AnswerIntake(
      RawInbox inbox,
      Spool spool,
      AnswerRecovery recovery,
      PollIngest ingest,
      PollerStates states,
      PollerMetrics metrics,
      Clock clock) {
    this.inbox = inbox;
    this.spool = spool;
    this.recovery = recovery;
    this.ingest = ingest;
    this.states = states;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Commits the answer to the inbox, or spools it and stops the round; either way its file goes. If
   * the spool fails too, the file stays: the schedule takes it once the database is back.
   */
  long store(
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

  /**
   * Processes an answer just stored: its items go to their module. If the database fails now, the
   * answer stays stored: the backlog processes it once the database takes writes again.
   */
  PollIngest.Result process(
      long id, GatewayAccountView account, InboxKind kind, Instant fetchedAt, String body) {
    try {
      return ingest.process(
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
      throw new StoreUnavailableException("answer " + id + " stored, not yet processed", e);
    }
  }

  /**
   * An answer without a single item element carries nothing to lose: read it first. Empty, it is
   * not stored; a readable error is thrown; anything else unreadable is stored to be looked at.
   */
  int readEmptyLooking(InboxKind kind, String body, Landing.Transfer transfer) {
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

  static boolean mayCarryItems(InboxKind kind, String body) {
    String tag = kind == InboxKind.REPORTS ? "statusbox" : "callbox";
    return body.toLowerCase(Locale.ROOT).contains(tag);
  }

  /** Stores what arrived whole of a transfer that failed. */
  void recoverCutOff(
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
}
