package com.smsportal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty database of a test's own, on the database this run uses (H2 in memory, or in the build's
 * MariaDB run a database created on that server and dropped at {@link #close}), for tests of a
 * migration on data that older versions stored: migrate to a version, write rows as they were,
 * migrate the rest of the way.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final String user;
  private final String password;
  private final String dropped;
  private final SingleConnectionDataSource dataSource;
  private final JdbcTemplate jdbc;

  private ScratchDatabase(String url, String user, String password, String dropped) {
    this.user = user;
    this.password = password;
    this.dropped = dropped;
    this.dataSource = new SingleConnectionDataSource(url, user, password, true);
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public static ScratchDatabase create() throws SQLException {
    String configured = System.getProperty("spring.datasource.url", "jdbc:h2:mem:x");
    String user = System.getProperty("spring.datasource.username", "sa");
    String password = System.getProperty("spring.datasource.password", "");
    String name = "smsportal_mig_" + UUID.randomUUID().toString().substring(0, 8);
    if (configured.startsWith("jdbc:h2:")) {
      String url = "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
      return new ScratchDatabase(url, user, password, null);
    }
    try (Connection connection = DriverManager.getConnection(configured, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    String url = configured.replaceFirst("(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + name);
    return new ScratchDatabase(url, user, password, name);
  }

  public SingleConnectionDataSource dataSource() {
    return dataSource;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** Runs the shipped migrations up to {@code target} (a version), or all of them when null. */
  public void migrate(String target) {
    var configuration =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }

  @Override
  public void close() throws SQLException {
    dataSource.destroy();
    if (dropped != null) {
      String configured = System.getProperty("spring.datasource.url");
      try (Connection connection = DriverManager.getConnection(configured, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE " + dropped);
      }
    }
  }
}
