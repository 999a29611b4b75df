package db.migration;

import com.smsportal.mobile.MobileNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Status reports and replies keep their number as the portal now reads every number ({@link
 * MobileNumber#reported}): a mainland mobile number as its 11 digits, even where the gateway wrote
 * +86, 86 or 0086 in front. Rows stored before in such a spelling are brought to it, so that a
 * search for the number finds them and a refetch of the same item is still recognised. A row whose
 * twin in the new spelling already exists is the same item stored twice: it goes (an opt-out that
 * names the reply then names its twin). A report brought to the sent number's spelling now tells
 * that number its outcome, as it would have when it came in.
 *
 * <p>Java, not SQL, so that the rule is the very one the portal stores numbers by. Only rows that
 * can change are read: those with anything but digits, or starting with 86 or 0086.
 */
public class V33__reported_numbers_read_one_way extends BaseJavaMigration {

  /** Rows read at a time: memory stays flat however many there are. */
  private static final int PAGE = 500;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    normalise(connection, "status_report", V33__reported_numbers_read_one_way::report);
    normalise(connection, "reply", V33__reported_numbers_read_one_way::reply);
  }

  /** What becomes of one row whose number reads as {@code number} now. */
  private interface Fix {
    void apply(Connection connection, long id, String number) throws SQLException;
  }

  /** Reads the rows whose number may change, a page at a time in id order, and fixes each. */
  private static void normalise(Connection connection, String table, Fix fix) throws SQLException {
    long after = 0;
    int read;
    do {
      read = 0;
      try (PreparedStatement select =
          connection.prepareStatement(
              "select id, mobile from "
                  + table
                  + " where id > ? and (mobile like '86%' or mobile like '0086%'"
                  + " or mobile regexp '[^0-9]') order by id limit "
                  + PAGE)) {
        select.setLong(1, after);
        Map<Long, String> changed = new LinkedHashMap<>();
        try (ResultSet found = select.executeQuery()) {
          while (found.next()) {
            read++;
            after = found.getLong(1);
            String mobile = found.getString(2);
            String number = MobileNumber.reported(mobile);
            if (!number.equals(mobile)) {
              changed.put(after, number);
            }
          }
        }
        for (Map.Entry<Long, String> row : changed.entrySet()) {
          fix.apply(connection, row.getKey(), row.getValue());
        }
      }
    } while (read == PAGE);
  }

  /** A report: brought to the number's spelling, or gone if its twin there exists. */
  private static void report(Connection connection, long id, String number) throws SQLException {
    Long twin =
        twin(connection, "status_report", "account_id task_id status receive_time", id, number);
    if (twin != null) {
      update(connection, "delete from status_report where id = ?", id);
    } else {
      update(connection, "update status_report set mobile = ? where id = ?", number, id);
      tellTheSentNumber(connection, id);
    }
  }

  /** A reply: brought to the number's spelling, or gone (for its twin) if its twin exists. */
  private static void reply(Connection connection, long id, String number) throws SQLException {
    Long twin =
        twin(connection, "reply", "account_id receive_time task_id content_hash", id, number);
    if (twin != null) {
      update(connection, "update opt_out set reply_id = ? where reply_id = ?", twin, id);
      update(connection, "delete from reply where id = ?", id);
    } else {
      update(connection, "update reply set mobile = ? where id = ?", number, id);
    }
  }

  /**
   * The row that is the same item as row {@code id} (equal in {@code sameColumns}, the other
   * columns of the table's unique key) with its number spelled {@code number}, if one is stored.
   */
  private static Long twin(
      Connection connection, String table, String sameColumns, long id, String number)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("select t.id from ")
            .append(table)
            .append(" t join ")
            .append(table)
            .append(" r on r.id = ? where t.mobile = ?");
    for (String column : sameColumns.split(" ")) {
      sql.append(" and t.").append(column).append(" = r.").append(column);
    }
    return single(connection, sql.toString(), id, number);
  }

  /**
   * What ingest does for a report: the job of its task, and its outcome on the number it is about
   * unless that number holds a later one.
   */
  private static void tellTheSentNumber(Connection connection, long reportId) throws SQLException {
    String taskId;
    long accountId;
    String mobile;
    boolean delivered;
    LocalDateTime at;
    String carrierCode;
    try (PreparedStatement select =
        connection.prepareStatement(
            "select account_id, task_id, mobile, status, received_at, error_code"
                + " from status_report where id = ?")) {
      select.setLong(1, reportId);
      try (ResultSet report = select.executeQuery()) {
        report.next();
        accountId = report.getLong(1);
        taskId = report.getString(2);
        mobile = report.getString(3);
        delivered = report.getInt(4) == 10;
        at = report.getObject(5, LocalDateTime.class);
        carrierCode = report.getString(6);
      }
    }
    Long job =
        single(
            connection,
            "select min(job_id) from send_chunk where account_id = ? and task_id = ?",
            accountId,
            taskId);
    if (job == null) {
      return;
    }
    update(
        connection,
        "update status_report set job_id = ? where id = ? and job_id is null",
        job,
        reportId);
    update(
        connection,
        "update send_number set state = ?, carrier_code = ?, reported_at = ?"
            + " where chunk_id in (select id from send_chunk where account_id = ? and task_id = ?)"
            + " and mobile = ? and state in ('SUBMITTED', 'DELIVERED', 'FAILED')"
            + " and (reported_at is null or reported_at <= ?)",
        delivered ? "DELIVERED" : "FAILED",
        carrierCode,
        at,
        accountId,
        taskId,
        mobile,
        at);
  }

  private static Long single(Connection connection, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, args);
      try (ResultSet found = select.executeQuery()) {
        if (!found.next()) {
          return null;
        }
        long value = found.getLong(1);
        return found.wasNull() ? null : value;
      }
    }
  }

  private static void update(Connection connection, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      bind(update, args);
      update.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }
}
