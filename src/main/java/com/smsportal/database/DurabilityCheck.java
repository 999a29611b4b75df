package com.smsportal.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Looks at start-up whether the database keeps a commit once the commit has returned, and warns
 * when it does not. The portal's guarantees rest on it: a chunk is claimed (committed) before its
 * call to the gateway, so a claim lost in a crash means its numbers are sent again; an answer of
 * the poller is committed before it is read, and the gateway hands out each report only once.
 *
 * <ul>
 *   <li>MySQL and MariaDB: {@code innodb_flush_log_at_trx_commit} must be 1 (the redo log is
 *       flushed to disk at each commit; 0 and 2 lose up to a second of commits when the machine
 *       fails), and with the binary log on {@code sync_binlog} must be 1 (else the binary log may
 *       miss commits InnoDB kept, and a replica or a point-in-time restore lacks them).
 *   <li>H2: {@code WRITE_DELAY} must be 0 (else the last commits stay in memory, and even a crash
 *       of the portal loses them). H2 never flushes the disk's cache at a commit: it cannot promise
 *       anything against a power loss, which the log says once.
 * </ul>
 */
@Component
class DurabilityCheck {

  private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

  private final DataSource dataSource;

  DurabilityCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String url = connection.getMetaData().getURL();
      if ("MySQL".equals(product) || "MariaDB".equals(product)) {
        checkMySql(statement);
      } else if ("H2".equals(product) && !url.startsWith("jdbc:h2:mem:")) {
        checkH2(statement);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not check whether the database keeps each commit: {}", e.getMessage());
    }
  }

  private void checkMySql(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery(
            "select @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog")) {
      row.next();
      long flush = row.getLong(1);
      boolean binaryLog = row.getLong(2) != 0;
      long syncBinlog = row.getLong(3);
      report(
          mySqlWeaknesses(flush, binaryLog, syncBinlog),
          "Database durability: innodb_flush_log_at_trx_commit="
              + flush
              + (binaryLog ? ", sync_binlog=" + syncBinlog : ", binary log off")
              + ": each commit is on disk when it returns");
    }
  }

  private void checkH2(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery(
            "select setting_value from information_schema.settings"
                + " where setting_name = 'WRITE_DELAY'")) {
      long writeDelay = row.next() ? Long.parseLong(row.getString(1).strip()) : -1;
      report(
          h2Weaknesses(writeDelay),
          "Database durability: H2 writes each commit to its file before it returns, so a crash"
              + " of the portal loses nothing committed; it does not flush the disk at a commit,"
              + " so a power loss may. Use MySQL or MariaDB in production");
    }
  }

  private static void report(List<String> weaknesses, String allWell) {
    if (weaknesses.isEmpty()) {
      log.info(allWell);
    }
    for (String weakness : weaknesses) {
      log.warn("Database durability: {}", weakness);
    }
  }

  static List<String> mySqlWeaknesses(
      long flushLogAtTrxCommit, boolean binaryLog, long syncBinlog) {
    List<String> weaknesses = new ArrayList<>();
    if (flushLogAtTrxCommit != 1) {
      weaknesses.add(
          "innodb_flush_log_at_trx_commit is "
              + flushLogAtTrxCommit
              + ", not 1: a crash of the database's machine can lose the last second of commits,"
              + " among them chunks claimed before their numbers went to the gateway (sent again"
              + " after a restart). Set innodb_flush_log_at_trx_commit=1");
    }
    if (binaryLog && syncBinlog != 1) {
      weaknesses.add(
          "sync_binlog is "
              + syncBinlog
              + " with the binary log on, not 1: after a crash of the database's machine the"
              + " binary log can miss commits InnoDB kept, so replicas and point-in-time restores"
              + " lack them. Set sync_binlog=1");
    }
    return weaknesses;
  }

  static List<String> h2Weaknesses(long writeDelay) {
    if (writeDelay == 0) {
      return List.of();
    }
    return List.of(
        "H2's WRITE_DELAY is "
            + writeDelay
            + " ms, not 0: the last commits stay in memory, and a crash of the portal loses"
            + " them, among them chunks claimed before their numbers went to the gateway (sent"
            + " again after a restart). Add ;WRITE_DELAY=0 to the database URL");
  }
}
