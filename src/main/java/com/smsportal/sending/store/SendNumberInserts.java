package com.smsportal.sending.store;

import com.smsportal.sending.NumberState;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a chunk's numbers as QUEUED rows, a few hundred per INSERT statement, in the caller's
 * transaction. Saving them one entity at a time (identity ids rule out JDBC batching) took 27 s for
 * a job of 100,000 numbers on H2 and held every entity in the persistence context; see
 * SendJobBenchmark. The caller names the tenant: the account the job goes through is the current
 * tenant's.
 */
@Component
class SendNumberInserts {

  static final int ROWS_PER_STATEMENT = 500;
  private static final String ROW = "(?, ?, ?, ?, '" + NumberState.QUEUED.name() + "')";

  private final JdbcTemplate jdbc;

  SendNumberInserts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertQueued(long tenantId, long jobId, long chunkId, List<String> mobiles) {
    for (int from = 0; from < mobiles.size(); from += ROWS_PER_STATEMENT) {
      List<String> part =
          mobiles.subList(from, Math.min(mobiles.size(), from + ROWS_PER_STATEMENT));
      StringBuilder sql =
          new StringBuilder(
              "insert into send_number (tenant_id, job_id, chunk_id, mobile, state) values ");
      Object[] args = new Object[part.size() * 4];
      int i = 0;
      for (String mobile : part) {
        sql.append(i == 0 ? ROW : ", " + ROW);
        args[i++] = tenantId;
        args[i++] = jobId;
        args[i++] = chunkId;
        args[i++] = mobile;
      }
      jdbc.update(sql.toString(), args);
    }
  }
}
