package com.smsportal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MySQL and MariaDB the portal's connections compare strings in the database's collation, so a
 * page filtered by a string column reads its index in order instead of sorting every matching row
 * ({@link ConnectionCollation}).
 */
@DatabaseDependent("Connector/J's connection collation against the tables' on MariaDB")
@PortalIntegrationTest
class ConnectionCollationIntegrationTests {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aJobsNumbersInOneStateAreReadInTheIndexsOrderNotSorted() {
    String product =
        jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    assumeTrue(
        "MySQL".equals(product) || "MariaDB".equals(product), "collations of MySQL and MariaDB");

    Map<String, Object> collations =
        jdbc.queryForMap("select @@collation_connection as conn, @@collation_database as db");
    assertThat(collations.get("conn")).isEqualTo(collations.get("db"));

    // The job page's numbers in one state (SendNumberRepository.pageInState), as Connector/J
    // sends it: the state as a string in the statement. On the index the page is ordered by (the
    // server's choice on tables this small is no proof, so named here) the rows come in order.
    List<Map<String, Object>> plan =
        jdbc.queryForList(
            "explain select id from send_number force index (ix_send_number_job_state_order)"
                + " where tenant_id = 1 and job_id = 1 and state = 'FAILED' and id > 0"
                + " order by job_id, state, id limit 51");
    assertThat(plan).hasSize(1);
    assertThat(String.valueOf(plan.get(0).get("Extra"))).doesNotContain("filesort");
  }
}
