package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every distinct base URL stored on gateway accounts becomes a gateway endpoint named after it
 * (spelled one way: no spaces or trailing slash, scheme and host in small letters), and each
 * account points at its endpoint. Of several accounts naming the same gateway account (endpoint,
 * userid, account in small letters) the oldest holds the identity; the others are left as they are,
 * unclaimed, for an administrator: nothing is deleted. In Java rather than SQL so that the spelling
 * and the UTC times come out the same on H2 and MySQL/MariaDB.
 */
public class V10_1__point_accounts_at_endpoints extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    Map<Long, String[]> accounts = new LinkedHashMap<>();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "select id, base_url, userid, account_name, endpoint_charset"
                    + " from gateway_account order by id")) {
      while (rows.next()) {
        accounts.put(
            rows.getLong(1),
            new String[] {
              normalized(rows.getString(2)), rows.getString(3), rows.getString(4), rows.getString(5)
            });
      }
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    Map<String, Long> endpoints = new HashMap<>();
    Set<String> held = new HashSet<>();
    for (Map.Entry<Long, String[]> account : accounts.entrySet()) {
      String[] row = account.getValue();
      Long endpoint = endpoints.get(row[0]);
      if (endpoint == null) {
        endpoint = insertEndpoint(connection, row[0], row[3], now);
        endpoints.put(row[0], endpoint);
      }
      String key = row[2].strip().toLowerCase(Locale.ROOT);
      boolean holder = held.add(endpoint + "|" + row[1].strip() + "|" + key);
      try (PreparedStatement update =
          connection.prepareStatement(
              "update gateway_account set endpoint_id = ?, account_key = ?, identity_claimed = ?"
                  + " where id = ?")) {
        update.setLong(1, endpoint);
        update.setString(2, key);
        if (holder) {
          update.setBoolean(3, true);
        } else {
          update.setNull(3, java.sql.Types.BOOLEAN);
        }
        update.setLong(4, account.getKey());
        update.executeUpdate();
      }
    }
  }

  private static long insertEndpoint(
      Connection connection, String baseUrl, String charset, LocalDateTime now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into gateway_endpoint (name, base_url, default_charset, note, active,"
                + " created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, ?, TRUE, ?, 'migration', ?, 'migration')",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, baseUrl);
      insert.setString(2, baseUrl);
      insert.setString(3, charset);
      insert.setString(4, "Created from the base URL stored on gateway accounts (V10)");
      // A LocalDateTime is written as it reads, without the JVM's zone: UTC, like every time here.
      insert.setObject(5, now);
      insert.setObject(6, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The same spelling as the portal's endpoint form gives an address. */
  static String normalized(String baseUrl) {
    String url = baseUrl.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return url;
    }
    int pathStart = url.indexOf('/', schemeEnd + 3);
    String authority = pathStart < 0 ? url : url.substring(0, pathStart);
    String path = pathStart < 0 ? "" : url.substring(pathStart);
    return authority.toLowerCase(Locale.ROOT) + path;
  }
}
