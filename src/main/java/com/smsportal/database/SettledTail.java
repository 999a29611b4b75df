package com.smsportal.database;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A tenant's rows after an id, ascending, for a client that tails them (the HTTP API's receipts and
 * replies): ids are taken at insert, but concurrent ingests commit in any order, so a row with a
 * smaller id may become visible after a larger one was read, and a tail that had moved past it
 * would never see it. So a page holds only rows stored at least {@code settleSeconds} ago by the
 * database's own clock (column {@code stored_at}), and stops before the first younger one: an
 * ingest transaction shorter than the settle window can never commit a row below the page's end.
 */
public final class SettledTail {

  private SettledTail() {}

  /**
   * At most {@code limit} settled rows of {@code table} (a constant, never input) with an id above
   * {@code since}, ascending by id.
   */
  public static <T> List<T> after(
      JdbcTemplate jdbc,
      String table,
      String columns,
      RowMapper<T> rows,
      long tenant,
      long since,
      int limit,
      int settleSeconds) {
    return jdbc.query(
        "SELECT "
            + columns
            + " FROM "
            + table
            + " WHERE tenant_id = ? AND id > ?"
            + " AND stored_at < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))"
            + " AND id < COALESCE((SELECT MIN(y.id) FROM "
            + table
            + " y WHERE y.tenant_id = ?"
            + " AND y.id > ? AND y.stored_at >= TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))),"
            + " 9223372036854775807) ORDER BY id LIMIT ?",
        rows,
        tenant,
        since,
        -settleSeconds,
        tenant,
        since,
        -settleSeconds,
        limit);
  }
}
