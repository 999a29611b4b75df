package com.smsportal.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.H2FileBreak;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The health check's {@code db} component goes DOWN when the database cannot be written: at once
 * when a write failed, within one heartbeat interval when the last beat went through.
 */
class DatabaseHealthTests {

  private static final Duration EVERY = Duration.ofSeconds(2);

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void anH2FileClosedUnderThePortalIsDownWithinOneBeatWhereBootsOwnCheckSaidUp(@TempDir Path dir)
      throws Exception {
    String url = database(dir);
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    try {
      DatabaseHealth health = new DatabaseHealth(heartbeat(dataSource));
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      assertThat(H2FileBreak.interruptedRead(url)).as("the read that closed the file").isNotNull();

      // The beat written a moment ago still proves the database (no write per check, issue 27)...
      nanos.addAndGet(EVERY.minusMillis(1).toNanos());
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      // ... for one heartbeat interval at most: then the check writes, and the write fails.
      nanos.addAndGet(Duration.ofMillis(1).toNanos());
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(new SimpleHttpCodeStatusMapper().getStatusCode(Status.DOWN))
          .as("what /actuator/health answers")
          .isEqualTo(503);
      // Why the portal has its own: Boot's check asks only whether the connection is valid.
      assertThat(new DataSourceHealthIndicator(dataSource).health().getStatus())
          .isEqualTo(Status.UP);
    } finally {
      dataSource.destroy();
    }
  }

  @Test
  void aBeatTheHeartbeatThreadCouldNotWriteMakesTheCheckDownAtOnce(@TempDir Path dir)
      throws Exception {
    String url = database(dir);
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    try {
      NodeHeartbeat heartbeat = heartbeat(dataSource);
      DatabaseHealth health = new DatabaseHealth(heartbeat);
      heartbeat.beat();
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      H2FileBreak.interruptedRead(url);
      heartbeat.beat(); // the heartbeat thread's next beat, failing (it logs and goes on)

      assertThat(health.health().getStatus())
          .as("a failed write is never taken as proof, however recent the last good one")
          .isEqualTo(Status.DOWN);
    } finally {
      dataSource.destroy();
    }
  }

  private NodeHeartbeat heartbeat(SingleConnectionDataSource dataSource) {
    return new NodeHeartbeat(
        new JdbcTemplate(dataSource),
        NodeIdentity.named("n1"),
        EVERY,
        Duration.ofSeconds(10),
        nanos::get);
  }

  private static String database(Path dir) throws Exception {
    return H2FileBreak.create(
        "file:",
        dir,
        ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0",
        "create table node_heartbeat (node_id varchar(64) primary key, start_count bigint,"
            + " started_at timestamp(3), beat_at timestamp(3))",
        "insert into node_heartbeat values ('n1', 1, current_timestamp(3), current_timestamp(3))");
  }
}
