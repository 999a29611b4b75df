package com.smsportal.polling;

import com.smsportal.gateway.CompleteItems;
import com.smsportal.gateway.GatewayClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Takes the answers that were cut off while they arrived ({@link Landing}): by a broken transfer,
 * at once, on the poller's thread; by the portal's death, at the next start (every schedule round
 * looks for files left behind). Every item that arrived whole is stored as an answer of source
 * {@link RawInbox#RECOVERED} and processed like any other (idempotent, matched, counted); the bytes
 * that never arrived are lost by the gateway's protocol, which forgot them as it sent them. A file
 * whose transfer id is already in the inbox was committed whole before the death: it is only
 * deleted.
 */
@Component
class AnswerRecovery {

  private static final Logger log = LoggerFactory.getLogger(AnswerRecovery.class);

  private final Landing landing;
  private final RawInbox inbox;
  private final PollIngest ingest;
  private final PollerMetrics metrics;
  // Files the database refused for what they hold (not for being away), each said once.
  private final Set<Path> refused = ConcurrentHashMap.newKeySet();

  AnswerRecovery(Landing landing, RawInbox inbox, PollIngest ingest, PollerMetrics metrics) {
    this.landing = landing;
    this.inbox = inbox;
    this.ingest = ingest;
    this.metrics = metrics;
  }

  /**
   * Takes every file left behind by transfers not going on in this process; returns how many items
   * were recovered. Stops at the first database failure: the files stay for the next round.
   */
  int recoverLeftBehind() {
    int items = 0;
    for (Path file : landing.leftBehind()) {
      try {
        items += take(file).map(PollIngest.Result::items).orElse(0);
        refused.remove(file);
      } catch (DataIntegrityViolationException e) {
        // Its account is not (or no longer) in the database: kept on disk, said once; the others go
        // on.
        if (refused.add(file)) {
          log.error("{} cannot be stored and stays on disk: {}", file, e.getMessage());
        }
      } catch (DataAccessException | TransactionException e) {
        log.warn("Answers cut off stay on disk until the database takes them: {}", e.getMessage());
        return items;
      }
    }
    return items;
  }

  /**
   * The transfer of a call that has just failed on this thread: its complete items now.
   *
   * @return what was stored and processed, empty if nothing had arrived whole
   * @throws DataAccessException or TransactionException if the database failed: the file stays
   */
  Optional<PollIngest.Result> recover(Landing.Transfer transfer) {
    transfer.cutOff();
    try {
      Path file = transfer.file();
      return file == null ? Optional.empty() : take(file);
    } finally {
      transfer.release();
    }
  }

  private Optional<PollIngest.Result> take(Path file) {
    LandingFile.Entry entry;
    try {
      entry = LandingFile.read(file);
    } catch (IOException | RuntimeException unreadable) {
      // The header is written before the first byte of the body: without a whole header no
      // byte of the answer reached the file.
      log.info("Deleting {}: no answer in it ({})", file.getFileName(), unreadable.getMessage());
      landing.delete(file);
      return Optional.empty();
    }
    if (inbox.ofTransfer(entry.transfer()).isPresent()) {
      landing.delete(file); // committed whole before the process stopped
      return Optional.empty();
    }
    CompleteItems complete =
        entry.kind() == InboxKind.REPORTS
            ? GatewayClient.completeStatusReports(entry.body(), entry.contentType())
            : GatewayClient.completeReplies(entry.body(), entry.contentType());
    if (complete.items() == 0) {
      log.info(
          "An answer of account {} ({}) was cut off after {} bytes with no item whole",
          entry.accountId(),
          entry.kind(),
          entry.body().length);
      landing.delete(file);
      return Optional.empty();
    }
    long id =
        inbox.store(
            entry.tenantId(),
            entry.accountId(),
            entry.kind(),
            RawInbox.RECOVERED,
            entry.fetchedAt(),
            complete.answer(),
            entry.transfer());
    landing.delete(file);
    log.warn(
        "An answer of account {} ({}) was cut off after {} bytes: its {} complete item(s) recovered"
            + " as answer {}",
        entry.accountId(),
        entry.kind(),
        entry.body().length,
        complete.items(),
        id);
    metrics.recovered(entry.kind(), complete.items());
    return inbox.find(id).map(ingest::process);
  }
}
