package com.smsportal.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The export's batches of a list newest first (by {@code received_at}, then {@code id}), read with
 * plain SQL straight into the views the CSV writes: no entities, no lookup of the cursor's row, one
 * statement a batch. Why (issue 27, point 6): on MariaDB the batches went at 2,000 to 13,000 rows a
 * second. Given {@code tenant_id = ? and received_at <= ?} with {@code ORDER BY ... LIMIT}, MariaDB
 * 10.11 reads the (tenant_id, received_at, id) index by "ref" on the tenant alone from its newest
 * row down to the cursor ({@code ANALYZE}: 101,000 rows read for a batch of 1,000 half way down
 * 200,000 reports received within an hour, where the page's time windows do not help: the first
 * window already holds them all), so an export cost the square of its rows. Naming the index
 * ({@code FORCE INDEX}, MySQL and MariaDB only) makes it a range from the cursor down: 1,000 rows
 * read for 1,000. H2 reads the same index in order from the cursor once the ORDER BY names its
 * leading columns ({@link NewestFirst#after}).
 *
 * <p>Native SQL is not filtered by Hibernate's tenant: the caller names the tenant whose rows are
 * read, and its condition is added here (none only for staff seeing every tenant's rows, who read
 * them all, as through Hibernate).
 *
 * @param <V> a row as the export writes it
 */
public final class NewestFirstRows<V> {

  /**
   * A filter's conditions in SQL, besides the tenant: columns equal to a value, a LIKE, the time
   * range [from, until), and the index the rows are read along with its column(s) held constant.
   */
  public static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();
    private final Instant from;
    private final Instant until;
    private String index;
    private List<String> leading = List.of();

    public Where(Instant from, Instant until) {
      this.from = from;
      this.until = until;
    }

    /** {@code column = value}; the column is the code's, never the person's. */
    public Where equal(String column, Object value) {
      conditions.add(column + " = ?");
      args.add(value);
      return this;
    }

    /** {@code lower(column) like pattern escape '!'} ({@link LikePatterns#contains}). */
    public Where containsLower(String column, String pattern) {
      conditions.add("lower(" + column + ") like ? escape '" + LikePatterns.ESCAPE + "'");
      args.add(pattern);
      return this;
    }

    /**
     * The index the rows are read along: (tenant_id, the leading columns..., received_at, id), the
     * leading columns each held constant by an {@link #equal} condition.
     */
    public Where along(String index, String... leading) {
      this.index = index;
      this.leading = List.of(leading);
      return this;
    }
  }

  private final JdbcTemplate jdbc;
  private final String select;
  private final RowMapper<V> mapper;
  private volatile Boolean mysql;

  /**
   * @param table the table (with {@code tenant_id}, {@code received_at}, {@code id})
   * @param columns the columns the mapper reads
   */
  public NewestFirstRows(JdbcTemplate jdbc, String table, String columns, RowMapper<V> mapper) {
    this.jdbc = jdbc;
    this.select = "select " + columns + " from " + table;
    this.mapper = mapper;
  }

  /**
   * At most {@code limit} rows of the tenant that match, strictly below the cursor {@code below}
   * (null: from the newest), newest first.
   *
   * @param tenant the tenant whose rows are read; null only for every tenant's (staff)
   */
  public List<V> below(Long tenant, Where where, PageCursor below, int limit) {
    boolean allTenants = tenant == null;
    StringBuilder sql = new StringBuilder(select);
    if (!allTenants && where.index != null && mysql()) {
      sql.append(" force index (").append(where.index).append(')');
    }
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (!allTenants) {
      conditions.add("tenant_id = ?");
      args.add(tenant);
    }
    conditions.addAll(where.conditions);
    args.addAll(where.args);
    if (where.from != null) {
      conditions.add("received_at >= ?");
      args.add(utc(where.from));
    }
    if (where.until != null) {
      conditions.add("received_at < ?");
      args.add(utc(where.until));
    }
    if (below != null) {
      // An upper bound an index range starts from (H2 takes none from the OR), then the keyset.
      LocalDateTime time = utc(below.time());
      conditions.add("received_at <= ?");
      conditions.add("(received_at < ? or (received_at = ? and id < ?))");
      args.add(time);
      args.add(time);
      args.add(time);
      args.add(below.id());
    }
    if (!conditions.isEmpty()) {
      sql.append(" where ").append(String.join(" and ", conditions));
    }
    sql.append(" order by ");
    if (!allTenants) {
      sql.append("tenant_id desc, ");
      for (String column : where.leading) {
        sql.append(column).append(" desc, ");
      }
    }
    sql.append("received_at desc, id desc limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), mapper, args.toArray());
  }

  /** An instant of a DATETIME column, which holds UTC (as Hibernate writes and reads them). */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private boolean mysql() {
    Boolean known = mysql;
    if (known == null) {
      known =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> {
                    String product = c.getMetaData().getDatabaseProductName();
                    return product.contains("MySQL") || product.contains("MariaDB");
                  });
      mysql = known;
    }
    return known;
  }
}
