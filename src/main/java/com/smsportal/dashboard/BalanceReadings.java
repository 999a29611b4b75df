package com.smsportal.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last balance the gateway answered for each account, kept in the database ({@code
 * balance_reading}) whenever a dashboard asks, so that support's dashboard can list the accounts
 * below their threshold with one query instead of asking the gateway for every tenant's accounts.
 *
 * <p>The query reads the accounts' and tenants' thresholds and names from their tables, across all
 * tenants: native SQL, which Hibernate's tenant filter does not see, so it serves only the staff's
 * dashboard (the controller shows it to SUPPORT and ADMIN only).
 */
@Component
class BalanceReadings {

  private static final Logger log = LoggerFactory.getLogger(BalanceReadings.class);

  /** Low balances listed at most; the count says how many there are. */
  static final int SHOWN = 50;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final BalanceHistory history;

  BalanceReadings(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      BalanceHistory history) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
    this.history = history;
  }

  /**
   * An account below its threshold (its own, or else its tenant's) at its last reading.
   *
   * @param readAt when the gateway answered with this balance
   */
  record LowBalance(
      long accountId,
      String accountName,
      long tenantId,
      String tenantName,
      long overage,
      long threshold,
      Instant readAt) {}

  /**
   * Keeps the balance the gateway just answered, and in the day's history ({@link BalanceHistory},
   * for the monthly statements); a failure to keep it only costs the figure. In the same
   * transaction, tells the listeners of {@link BalanceLow} when this reading is the first below the
   * account's threshold.
   */
  void record(long accountId, long tenantId, long overage, Instant at) {
    LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    try {
      tx.executeWithoutResult(
          s -> {
            Long before =
                jdbc.query(
                    "select overage from balance_reading where account_id = ?",
                    rs -> rs.next() ? rs.getLong(1) : null,
                    accountId);
            if (before == null) {
              jdbc.update(
                  "insert into balance_reading (account_id, tenant_id, overage, read_at)"
                      + " values (?, ?, ?, ?)",
                  accountId,
                  tenantId,
                  overage,
                  utc);
            } else {
              jdbc.update(
                  "update balance_reading set overage = ?, read_at = ? where account_id = ?",
                  overage,
                  utc,
                  accountId);
            }
            history.record(accountId, tenantId, overage, at);
            Long threshold = threshold(accountId);
            if (threshold != null
                && overage < threshold
                && (before == null || before >= threshold)) {
              String name =
                  jdbc.queryForObject(
                      "select name from gateway_account where id = ?", String.class, accountId);
              events.publishEvent(
                  new BalanceLow(tenantId, accountId, overage, threshold, at, name));
            }
          });
    } catch (DuplicateKeyException concurrent) {
      // Another page kept a reading of the same account at the same moment: one of them stays.
    } catch (DataAccessException unavailable) {
      log.warn(
          "The balance of account {} could not be kept: {}", accountId, unavailable.toString());
    }
  }

  /** The account's low-balance threshold: its own, else its tenant's, else none. */
  private Long threshold(long accountId) {
    return jdbc.query(
        "select coalesce(a.low_balance_threshold, t.low_balance_threshold) from gateway_account a"
            + " join tenant t on t.id = a.tenant_id where a.id = ?",
        rs -> {
          if (!rs.next()) {
            return null;
          }
          long value = rs.getLong(1);
          return rs.wasNull() ? null : value;
        },
        accountId);
  }

  /**
   * Active accounts of active tenants whose last reading is below their threshold, lowest balance
   * first relative to the threshold; one query.
   */
  List<LowBalance> low() {
    return jdbc.query(
        "select r.account_id, a.name as account_name, t.id as tenant_id, t.name as tenant_name,"
            + " r.overage, coalesce(a.low_balance_threshold, t.low_balance_threshold) as threshold,"
            + " r.read_at from balance_reading r"
            + " join gateway_account a on a.id = r.account_id"
            + " join tenant t on t.id = a.tenant_id"
            + " where a.active = true and t.status = 'ACTIVE'"
            + " and r.overage < coalesce(a.low_balance_threshold, t.low_balance_threshold)"
            + " order by r.overage - coalesce(a.low_balance_threshold, t.low_balance_threshold),"
            + " t.name, a.name limit "
            + SHOWN,
        BalanceReadings::row);
  }

  private static LowBalance row(ResultSet rs, int n) throws SQLException {
    return new LowBalance(
        rs.getLong("account_id"),
        rs.getString("account_name"),
        rs.getLong("tenant_id"),
        rs.getString("tenant_name"),
        rs.getLong("overage"),
        rs.getLong("threshold"),
        rs.getObject("read_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
