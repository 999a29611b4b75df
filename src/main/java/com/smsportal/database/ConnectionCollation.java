package com.smsportal.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives each MySQL or MariaDB connection the collation of the portal's database (issue 27).
 *
 * <p>Connector/J opens connections in its own choice of collation for {@code utf8mb4} ({@code
 * utf8mb4_general_ci} on MariaDB, {@code utf8mb4_0900_ai_ci} on MySQL 8), while the tables take the
 * database's ({@code utf8mb4_unicode_ci} in our compose file and CI). A string in a statement then
 * compares in another collation than its column, and the server no longer takes {@code state =
 * 'FAILED'} as fixing the {@code state} of an index: a page ordered by that index sorted every
 * matching row instead of reading the first 50 (the failed numbers of a job of 1,000,000: 100,000
 * rows read and sorted per view, 130 ms instead of under 1). Each new pooled connection now starts
 * with {@code SET collation_connection = @@collation_database}, whatever collation the database was
 * made with. Other databases, and a pool given its own init SQL, are left alone.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionCollation {

  static final String MATCH_DATABASE = "SET collation_connection = @@collation_database";

  @Bean
  static BeanPostProcessor connectionCollationOfTheDatabase() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource) {
          HikariDataSource pool = hikari(dataSource);
          if (pool != null
              && mySqlFamily(pool.getJdbcUrl())
              && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(MATCH_DATABASE);
          }
        }
        return bean;
      }
    };
  }

  static boolean mySqlFamily(String url) {
    return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource pool) {
      return pool;
    }
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class)
          : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
