package com.smsportal.database;

import java.sql.DatabaseMetaData;
import java.util.Map;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Lets Hibernate see MariaDB where MySQL Connector/J says "MySQL". A MariaDB server names itself in
 * its version, behind a prefix meant for old MySQL clients ({@code 5.5.5-10.11.6-MariaDB-...});
 * Connector/J passes on the product name MySQL and that version as it is. Taken at its word,
 * Hibernate chose its MySQL dialect for a MySQL 5.5 (warning HHH000511) and wrote SQL that MariaDB
 * refuses ({@code select ... for update of lt1_0}): nobody could log in. This resolver answers the
 * MariaDB dialect with the real version instead, so one {@code jdbc:mysql:} URL serves MySQL 8 and
 * MariaDB 10.6+ alike; every other database is left to Hibernate (it returns null).
 *
 * <p>Named in {@code spring.jpa.properties.hibernate.dialect_resolvers}.
 */
public final class MariaDbDialectResolver implements DialectResolver {

  private static final String OLD_CLIENT_PREFIX = "5.5.5-";

  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    String version = info.getDatabaseVersion();
    if (!"MySQL".equals(info.getDatabaseName())
        || version == null
        || !version.contains("MariaDB")) {
      return null;
    }
    return new MariaDBDialect(new RealServer(info, realVersion(version)));
  }

  /** {@code 5.5.5-10.11.6-MariaDB-0+deb12u1} is {@code 10.11.6-MariaDB-0+deb12u1}. */
  static String realVersion(String reported) {
    return reported.startsWith(OLD_CLIENT_PREFIX)
        ? reported.substring(OLD_CLIENT_PREFIX.length())
        : reported;
  }

  /** What Connector/J told, with the server's own name and version. */
  private record RealServer(DialectResolutionInfo reported, String version)
      implements DialectResolutionInfo {

    @Override
    public String getDatabaseName() {
      return "MariaDB";
    }

    @Override
    public String getDatabaseVersion() {
      return version;
    }

    @Override
    public int getDatabaseMajorVersion() {
      return part(0);
    }

    @Override
    public int getDatabaseMinorVersion() {
      return part(1);
    }

    @Override
    public int getDatabaseMicroVersion() {
      return part(2);
    }

    private int part(int index) {
      String[] parts = version.split("[.-]");
      try {
        return index < parts.length ? Integer.parseInt(parts[index]) : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    @Override
    public String getDriverName() {
      return reported.getDriverName();
    }

    @Override
    public int getDriverMajorVersion() {
      return reported.getDriverMajorVersion();
    }

    @Override
    public int getDriverMinorVersion() {
      return reported.getDriverMinorVersion();
    }

    @Override
    public String getSQLKeywords() {
      return reported.getSQLKeywords();
    }

    @Override
    public DatabaseMetaData getDatabaseMetadata() {
      return reported.getDatabaseMetadata();
    }

    @Override
    public Map<String, Object> getConfigurationValues() {
      return reported.getConfigurationValues();
    }
  }
}
