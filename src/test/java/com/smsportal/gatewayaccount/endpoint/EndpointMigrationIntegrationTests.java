package com.smsportal.gatewayaccount.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.DatabaseDependent;
import com.smsportal.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration to gateway endpoints (V10) on a database that already holds accounts with typed
 * base URLs: on an empty database of its own, on H2 and (in CI) MariaDB, whichever this run uses.
 */
@DatabaseDependent("a migration (V10) of rows stored before it")
class EndpointMigrationIntegrationTests {

  private ScratchDatabase database;
  private SingleConnectionDataSource dataSource;
  private JdbcTemplate jdbc;

  @BeforeEach
  void emptyDatabase() throws SQLException {
    database = ScratchDatabase.create();
    dataSource = database.dataSource();
    jdbc = database.jdbc();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    database.close();
  }

  @Test
  void everyDistinctBaseUrlBecomesAnEndpointAndLaterDuplicatesAreKeptUnclaimed() {
    migrate("9");
    jdbc.update(
        "insert into tenant (id, name, status, created_at) values"
            + " (1, 'Acme', 'ACTIVE', '2026-01-01 00:00:00'),"
            + " (2, 'Globex', 'ACTIVE', '2026-01-01 00:00:00')");
    long first = account(1, "http://gw.example:8088/", "1", "Acme");
    long duplicate = account(2, "HTTP://GW.example:8088", "1", "acme");
    long elsewhere = account(1, "http://other.example/Sms", "2", "x");
    long sameHost = account(1, " http://gw.example:8088 ", "3", "y");

    migrate(null);

    List<Map<String, Object>> endpoints =
        jdbc.queryForList("select * from gateway_endpoint order by base_url");
    assertThat(endpoints)
        .extracting(e -> e.get("base_url"))
        .containsExactly("http://gw.example:8088", "http://other.example/Sms");
    assertThat(endpoints)
        .allSatisfy(
            e -> {
              assertThat(e.get("name")).isEqualTo(e.get("base_url"));
              assertThat(e.get("created_by")).isEqualTo("migration");
              assertThat(e.get("active")).isIn(true, 1, (byte) 1);
            });
    long gw = endpointId("http://gw.example:8088");
    assertThat(endpointOf(first)).isEqualTo(gw);
    assertThat(endpointOf(duplicate)).isEqualTo(gw);
    assertThat(endpointOf(sameHost)).isEqualTo(gw);
    assertThat(endpointOf(elsewhere)).isEqualTo(endpointId("http://other.example/Sms"));
    assertThat(claimed(first)).isTrue();
    assertThat(claimed(duplicate)).as("a later duplicate is kept, unclaimed").isFalse();
    assertThat(claimed(elsewhere)).isTrue();
    assertThat(claimed(sameHost)).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from gateway_account", Integer.class))
        .isEqualTo(4);
    assertThat(hasColumn("gateway_account", "base_url")).as("the typed base URL is gone").isFalse();

    // From now on a second holder of the same gateway account is refused by the database itself.
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update gateway_account set identity_claimed = TRUE where id = ?", duplicate))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private void migrate(String target) {
    database.migrate(target);
  }

  private long account(long tenant, String baseUrl, String userid, String account) {
    jdbc.update(
        "insert into gateway_account (tenant_id, name, base_url, endpoint_charset, userid,"
            + " account_name, password_ciphertext, chunk_size, extno_supported, active, created_at,"
            + " updated_at) values (?, ?, ?, 'UTF8', ?, ?, 'v1:k1:AAAA', 1000, FALSE, TRUE,"
            + " '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
        tenant,
        "account " + account,
        baseUrl,
        userid,
        account);
    return jdbc.queryForObject("select max(id) from gateway_account", Long.class);
  }

  private boolean hasColumn(String table, String column) {
    try (Connection connection = dataSource.getConnection();
        var columns =
            connection.getMetaData().getColumns(connection.getCatalog(), null, table, column)) {
      return columns.next();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long endpointId(String baseUrl) {
    return jdbc.queryForObject(
        "select id from gateway_endpoint where base_url = ?", Long.class, baseUrl);
  }

  private long endpointOf(long account) {
    return jdbc.queryForObject(
        "select endpoint_id from gateway_account where id = ?", Long.class, account);
  }

  private boolean claimed(long account) {
    Boolean claimed =
        jdbc.queryForObject(
            "select identity_claimed from gateway_account where id = ?", Boolean.class, account);
    return Boolean.TRUE.equals(claimed);
  }
}
