package com.smsportal.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

class MariaDbDialectResolverTests {

  private final MariaDbDialectResolver resolver = new MariaDbDialectResolver();

  @Test
  void mariaDbReportedAsMySqlByConnectorJGetsTheMariaDbDialectWithItsRealVersion() {
    Dialect dialect = resolver.resolveDialect(server("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"));

    assertThat(dialect).isInstanceOf(MariaDBDialect.class);
    assertThat(dialect.getVersion().toString()).isEqualTo("10.11.19");
  }

  @Test
  void aMariaDbThatNoLongerSendsTheOldPrefixIsReadAsWell() {
    Dialect dialect = resolver.resolveDialect(server("MySQL", "11.4.2-MariaDB"));

    assertThat(dialect).isInstanceOf(MariaDBDialect.class);
    assertThat(dialect.getVersion().toString()).isEqualTo("11.4.2");
  }

  @Test
  void mySqlAndOtherDatabasesAreLeftToHibernate() {
    assertThat(resolver.resolveDialect(server("MySQL", "8.4.3"))).isNull();
    assertThat(resolver.resolveDialect(server("H2", "2.4.240 (2025-09-22)"))).isNull();
  }

  private static DialectResolutionInfo server(String name, String version) {
    String[] parts = version.split("[.-]");
    return new DialectResolutionInfo() {
      @Override
      public String getDatabaseName() {
        return name;
      }

      @Override
      public String getDatabaseVersion() {
        return version;
      }

      @Override
      public int getDatabaseMajorVersion() {
        return Integer.parseInt(parts[0]);
      }

      @Override
      public int getDatabaseMinorVersion() {
        return Integer.parseInt(parts[1]);
      }

      @Override
      public String getDriverName() {
        return "MySQL Connector/J";
      }

      @Override
      public int getDriverMajorVersion() {
        return 9;
      }

      @Override
      public int getDriverMinorVersion() {
        return 7;
      }

      @Override
      public String getSQLKeywords() {
        return "";
      }
    };
  }
}
