package com.smsportal.polling;

import com.smsportal.node.NodeIdentity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * One node polls an account at a time: ShedLock (table {@code shedlock}, the database's clock),
 * each lock held in this node's id. A lock lasts {@code lock-at-most-for} and is extended every
 * half of that while its poll runs (ShedLock's keep-alive), so a long drain keeps it, and a node
 * that dies stops extending it: another node polls the account after {@code lock-at-most-for} at
 * most. A lock held in this node's own id when it starts was its dead predecessor's, and is
 * released at once.
 */
final class PollLocks implements SmartInitializingSingleton, AutoCloseable {

  /** The shortest lock ShedLock's keep-alive takes (it extends at half of it). */
  static final Duration SHORTEST = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(PollLocks.class);
  private static final String ACCOUNT_PREFIX = "poll-account-";

  /**
   * ShedLock's statements each insert or update one row, which the database does atomically on its
   * own: they run in autocommit, without the transaction ShedLock otherwise opens around each (four
   * round trips where the statement is one: issue 27, two per account and poll).
   */
  private static final PlatformTransactionManager AUTOCOMMIT =
      new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
          return new SimpleTransactionStatus(false);
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
      };

  private final JdbcTemplate jdbc;
  private final NodeIdentity node;
  private final ScheduledExecutorService keepAlive;
  private final LockingTaskExecutor executor;

  PollLocks(DataSource dataSource, NodeIdentity node, Duration lockAtMostFor) {
    if (lockAtMostFor.compareTo(SHORTEST) < 0) {
      throw new IllegalStateException(
          "smsportal.poller.lock-at-most-for must be at least " + SHORTEST + ": " + lockAtMostFor);
    }
    this.jdbc = new JdbcTemplate(dataSource);
    this.node = node;
    this.keepAlive =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "poll-lock-keep-alive");
              thread.setDaemon(true);
              return thread;
            });
    LockProvider kept =
        new KeepAliveLockProvider(
            new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(jdbc)
                    .usingDbTime()
                    .withLockedByValue(node.id())
                    .withTransactionManager(AUTOCOMMIT)
                    .build()),
            keepAlive);
    this.executor = new DefaultLockingTaskExecutor(mayBeLost(kept));
  }

  /**
   * A lock whose extension failed (the database did not answer in time) is no longer ours, and
   * ShedLock then refuses to unlock it. The poll itself went well and stored what it fetched; the
   * lock ends by itself within {@code lock-at-most-for}, and another node polling the account
   * meanwhile does no harm (each answer is stored, each item once): a warning, not a failed round.
   */
  static LockProvider mayBeLost(LockProvider locks) {
    return lock ->
        locks
            .lock(lock)
            .map(
                held ->
                    () -> {
                      try {
                        held.unlock();
                      } catch (IllegalStateException lost) {
                        log.warn(
                            "Lock {} could not be extended during the poll; it ends by itself",
                            lock.getName());
                      }
                    });
  }

  /** Who holds or last held an account's poll lock, and whether it holds it now. */
  record Holder(String node, boolean now) {}

  /** The lock name of an account's poll. */
  static String name(long accountId) {
    return ACCOUNT_PREFIX + accountId;
  }

  /**
   * Per account id, the node that holds its poll lock now or held it last (ShedLock keeps the row
   * after an unlock, with {@code lock_until} at the unlock), by the database's clock.
   */
  Map<Long, Holder> holders() {
    Map<Long, Holder> holders = new HashMap<>();
    jdbc.query(
        "select name, locked_by, case when lock_until > CURRENT_TIMESTAMP(3) then 1 else 0 end"
            + " from shedlock where name like ?",
        rs -> {
          try {
            long account = Long.parseLong(rs.getString(1).substring(ACCOUNT_PREFIX.length()));
            holders.put(account, new Holder(rs.getString(2), rs.getInt(3) == 1));
          } catch (NumberFormatException notAnAccountsLock) {
            // another lock under the prefix: not shown
          }
        },
        ACCOUNT_PREFIX + "%");
    return holders;
  }

  LockingTaskExecutor executor() {
    return executor;
  }

  /** Before the first poll: the locks this node's dead predecessor held go. */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      int released = jdbc.update("delete from shedlock where locked_by = ?", node.id());
      if (released > 0) {
        log.info(
            "Released {} poll lock(s) this node ({}) held when it stopped", released, node.id());
      }
    } catch (RuntimeException e) {
      log.warn("The poll locks of this node's last run could not be released; they expire", e);
    }
  }

  @Override
  public void close() {
    keepAlive.shutdownNow();
  }
}
