package com.smsportal.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.H2FileBreak;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The health check's {@code db} component goes DOWN when the database cannot be written. */
class DatabaseHealthTests {

  @Test
  void anH2FileClosedUnderThePortalIsDownWhereBootsOwnCheckSaidUp(@TempDir Path dir)
      throws Exception {
    String url =
        H2FileBreak.create(
            "file:",
            dir,
            ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0",
            "create table node_heartbeat (node_id varchar(64) primary key, start_count bigint,"
                + " started_at timestamp(3), beat_at timestamp(3))",
            "insert into node_heartbeat values ('n1', 1, current_timestamp(3), current_timestamp(3))");
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    try {
      DatabaseHealth health =
          new DatabaseHealth(
              new NodeHeartbeat(
                  new JdbcTemplate(dataSource),
                  NodeIdentity.named("n1"),
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(10)));
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      assertThat(H2FileBreak.interruptedRead(url)).as("the read that closed the file").isNotNull();

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
}
