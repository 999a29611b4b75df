package com.smsportal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An embedded H2 file database broken as issue 27 saw it: a thread interrupted while it reads the
 * file closes the database's file channel (Java NIO's rule for interruptible channels). The
 * database is made with a table {@code filler} and closed, so that the next open must read {@code
 * filler} from the file; {@link #interruptedRead} then reads it from a thread whose interrupt is
 * already set, which makes the break certain rather than a matter of timing.
 */
public final class H2FileBreak {

  private H2FileBreak() {}

  /**
   * The URL of a new H2 file database in {@code dir} with {@code options} (after the path), made
   * with a few rows in {@code filler} and whatever {@code schema} creates, then closed.
   */
  public static String create(String prefix, Path dir, String options, String... schema)
      throws SQLException {
    String url = "jdbc:h2:" + prefix + dir.resolve("db").toAbsolutePath() + options;
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("create table filler (id int primary key, text varchar(100))");
      s.execute("insert into filler select \"X\", repeat('x', 90) from system_range(1, 2000)");
      for (String statement : schema) {
        s.execute(statement);
      }
    } // the last connection closed: the database is closed, its cache gone
    return url;
  }

  /**
   * Reads {@code filler} on a thread of its own whose interrupt is set; the error it met, if any.
   */
  public static Throwable interruptedRead(String url) throws InterruptedException {
    AtomicReference<Throwable> error = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(url, "sa", "");
                  Statement s = c.createStatement()) {
                Thread.currentThread().interrupt();
                s.executeQuery("select sum(length(text)) from filler").close();
              } catch (SQLException | RuntimeException e) {
                error.set(e);
              }
            });
    reader.start();
    reader.join();
    return error.get();
  }
}
