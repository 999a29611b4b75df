package com.smsportal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database of a portal a test runs as a child process ({@link PortalProcess}), as an operator
 * configures it: the embedded H2 file in the portal's data directory, or, in the build's MariaDB
 * run ({@code it.database=mariadb}), a database of its own on that server (named after the run's
 * database plus a suffix, created empty for each test) through the shipped {@code mysql} profile
 * and its {@code MYSQL_*} variables. The test reads the outcome straight from the database: H2 only
 * once the portal has stopped (the portal holds the file).
 */
public final class PortalDatabase {

  private final Path dataDir;
  private final String mariadbUrl;
  private final String user;
  private final String password;

  private PortalDatabase(Path dataDir, String mariadbUrl, String user, String password) {
    this.dataDir = dataDir;
    this.mariadbUrl = mariadbUrl;
    this.user = user;
    this.password = password;
  }

  /** The database of this build's run, made empty; {@code suffix} names it on MariaDB. */
  public static PortalDatabase fresh(Path dataDir, String suffix) throws SQLException {
    if (!"mariadb".equals(System.getProperty("it.database"))) {
      return new PortalDatabase(dataDir, null, "sa", "");
    }
    String runUrl = System.getProperty("spring.datasource.url");
    String user = System.getProperty("spring.datasource.username");
    String password = System.getProperty("spring.datasource.password");
    int slash = runUrl.indexOf('/', "jdbc:mysql://".length());
    int query = runUrl.indexOf('?');
    String server = runUrl.substring(0, slash + 1);
    String name = runUrl.substring(slash + 1, query < 0 ? runUrl.length() : query) + "_" + suffix;
    String parameters = query < 0 ? "" : runUrl.substring(query);
    try (Connection connection = DriverManager.getConnection(server, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute(
          "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return new PortalDatabase(dataDir, server + name + parameters, user, password);
  }

  public boolean mariadb() {
    return mariadbUrl != null;
  }

  public String name() {
    return mariadb() ? "MariaDB" : "H2 (file)";
  }

  /** The arguments of a portal on this database, with the demo on. */
  public List<String> demoArguments() {
    return demoArguments(dataDir);
  }

  /** The same for another portal, with a data directory of its own (MariaDB only). */
  public List<String> demoArguments(Path dataDir) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--smsportal.data-dir=" + dataDir);
    if (mariadb()) {
      arguments.add("--spring.profiles.active=mysql,demo");
    }
    return arguments;
  }

  /** The portal's environment for this database: the shipped {@code mysql} profile reads it. */
  public Map<String, String> portalEnvironment() {
    return mariadb()
        ? Map.of("MYSQL_URL", mariadbUrl, "MYSQL_USER", user, "MYSQL_PASSWORD", password)
        : Map.of();
  }

  public Connection connect() throws SQLException {
    return mariadb()
        ? DriverManager.getConnection(mariadbUrl, user, password)
        : DriverManager.getConnection(
            "jdbc:h2:file:" + dataDir.resolve("smsportal") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE",
            user,
            password);
  }

  public long count(String sql, Object... args) throws SQLException {
    try (Connection connection = connect()) {
      return count(connection, sql, args);
    }
  }

  public static long count(Connection connection, String sql, Object... args) throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
