package com.smsportal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dashboard's day counts (send_day, issue 27) against a count over the raw rows: numbers of
 * accepted chunks per tenant, China day of the chunk's acceptance and account, and of those the
 * delivered and failed ones. What a test asserts empty after ingests, replays and kills.
 */
public final class SendDayRecount {

  private static final String RECOUNT =
      "select c.tenant_id, c.sent_day, c.account_id, sum(c.number_count),"
          + " sum(coalesce(o.delivered, 0)), sum(coalesce(o.failed, 0))"
          + " from (select id, tenant_id, account_id, number_count,"
          + " cast(timestampadd(hour, 8, answered_at) as date) as sent_day from send_chunk"
          + " where state = 'SUBMITTED' and answered_at is not null%1$s) c"
          + " left join (select chunk_id,"
          + " sum(case when state = 'DELIVERED' then 1 else 0 end) as delivered,"
          + " sum(case when state = 'FAILED' then 1 else 0 end) as failed"
          + " from send_number where state in ('DELIVERED', 'FAILED')%1$s group by chunk_id) o"
          + " on o.chunk_id = c.id group by c.tenant_id, c.sent_day, c.account_id";

  private SendDayRecount() {}

  /** Each row where the kept counts and the recount differ, as "key kept=… counted=…". */
  public static List<String> differences(Connection db) throws SQLException {
    return differences(db, null);
  }

  /** The same for one tenant's rows (other tests' fixtures may write raw rows only). */
  public static List<String> differences(Connection db, Long tenant) throws SQLException {
    String only = tenant == null ? "" : " and tenant_id = " + tenant;
    Map<String, long[]> kept =
        read(
            db,
            "select tenant_id, sent_day, account_id, sent, delivered, failed from send_day"
                + " where 1 = 1"
                + only);
    Map<String, long[]> counted = read(db, String.format(RECOUNT, only));
    List<String> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(kept.keySet());
    keys.addAll(counted.keySet());
    for (String key : keys) {
      long[] a = kept.getOrDefault(key, new long[3]);
      long[] b = counted.getOrDefault(key, new long[3]);
      if (!Arrays.equals(a, b)) {
        differences.add(key + " kept=" + Arrays.toString(a) + " counted=" + Arrays.toString(b));
      }
    }
    return differences;
  }

  private static Map<String, long[]> read(Connection db, String sql) throws SQLException {
    Map<String, long[]> rows = new HashMap<>();
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        long[] counts = {rs.getLong(4), rs.getLong(5), rs.getLong(6)};
        if (counts[0] != 0 || counts[1] != 0 || counts[2] != 0) {
          rows.put(rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3), counts);
        }
      }
    }
    return rows;
  }
}
