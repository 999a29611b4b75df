package com.smsportal.polling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What each round of the poller catches up on before any fetch, in this order: if the database does
 * not answer, nothing else (no fetch without a place to put what comes); answers waiting in the
 * spool go into the inbox, and while any cannot, no account is polled; the complete items of
 * answers cut off by a death are stored ({@link AnswerRecovery}); answers stored but not processed
 * are processed (after a stop or a database failure).
 */
@Component
class CatchUp {

  private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

  private final RawInbox inbox;
  private final Spool spool;
  private final AnswerRecovery cutOff;
  private final PollIngest ingest;
  private final JdbcTemplate jdbc;

  CatchUp(
      RawInbox inbox, Spool spool, AnswerRecovery cutOff, PollIngest ingest, JdbcTemplate jdbc) {
    this.inbox = inbox;
    this.spool = spool;
    this.cutOff = cutOff;
    this.ingest = ingest;
    this.jdbc = jdbc;
  }

  /**
   * What must happen before any fetch: the database answers, the spool is empty, the backlog is
   * processed. Returns whether polling may go on.
   */
  boolean beforePolling(LongPredicate polling) {
    if (!databaseAnswers()) {
      log.warn("The database does not answer: not polling");
      return false;
    }
    replaySpool();
    if (!spool.files().isEmpty()) {
      return false;
    }
    cutOff.recoverLeftBehind();
    processBacklog(polling);
    return true;
  }

  boolean databaseAnswers() {
    try {
      jdbc.queryForObject("select 1", Integer.class);
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }

  /** Moves spooled answers into the inbox, oldest first; returns how many. */
  int replaySpool() {
    int replayed = 0;
    for (Path file : spool.files()) {
      Spool.Entry entry;
      try {
        entry = spool.read(file);
      } catch (IOException unreadable) {
        log.error("Spool file {} cannot be read; left in place: {}", file, unreadable.getMessage());
        continue;
      }
      long id;
      try {
        id =
            inbox.store(
                entry.tenantId(),
                entry.accountId(),
                entry.kind(),
                RawInbox.SPOOL,
                entry.fetchedAt(),
                entry.body(),
                entry.transfer());
      } catch (DataAccessException | TransactionException e) {
        log.warn("The database still does not take spooled answers: {}", e.getMessage());
        return replayed;
      }
      try {
        spool.delete(file);
      } catch (IOException e) {
        // Replayed again later: storing its items is idempotent.
        log.warn("Spool file {} stored as answer {} but not deleted: {}", file, id, e.getMessage());
      }
      replayed++;
      inbox.find(id).ifPresent(this::processQuietly);
    }
    if (replayed > 0) {
      log.info("Replayed {} spooled answer(s) into the inbox", replayed);
    }
    return replayed;
  }

  /**
   * Processes answers stored but not processed (a stop or failure came between), except those of
   * accounts this node is polling now (their round processes them); returns how many.
   */
  int processBacklog(LongPredicate polling) {
    int processed = 0;
    for (Long id : inbox.unprocessed(100)) {
      Optional<StoredAnswer> answer = inbox.find(id);
      if (answer.isPresent() && !polling.test(answer.get().accountId())) {
        processQuietly(answer.get());
        processed++;
      }
    }
    return processed;
  }

  private void processQuietly(StoredAnswer answer) {
    try {
      ingest.process(answer);
    } catch (DataAccessException | TransactionException e) {
      log.warn("Answer {} stays in the backlog: {}", answer.id(), e.getMessage());
    }
  }
}
