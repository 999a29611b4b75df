package com.smsportal.demo;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.SeededUsers;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the demo seeded: its users (marked as seeded by the user module, {@link SeededUsers}, or
 * from before the mark by their name and the published password) and its tenants ({@code
 * demo_tenant}, or the tenants of those users), and their removal from a portal that no longer runs
 * the demo.
 */
@Component
class DemoAccounts {

  static final List<String> USERNAMES =
      List.of("acme", "globex", "support", "admin", "acme-sender", "acme-viewer");

  /** The demo users' published password (README). */
  static final String PASSWORD = "demo12345";

  /** Tables that keep a tenant's rows but are never deleted: the append-only audit log. */
  private static final Set<String> KEPT = Set.of("audit_event");

  /** What removal found, and what it deleted. */
  record Found(List<String> usernames, Set<Long> tenantIds) {
    boolean empty() {
      return usernames.isEmpty();
    }
  }

  private final SeededUsers users;
  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final AuditLog audit;

  DemoAccounts(SeededUsers users, JdbcTemplate jdbc, DataSource dataSource, AuditLog audit) {
    this.users = users;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /**
   * Marks a user and its tenant as the demo's: one the demo has just created, or one of the demo's
   * names that still has the demo password (seeded before the mark existed). Any other user of that
   * name is not the demo's and stays unmarked.
   */
  @Transactional
  void mark(String username, boolean createdNow) {
    users
        .mark(username, createdNow, PASSWORD)
        .map(SeededUsers.Seeded::tenantId)
        .ifPresent(this::markTenant);
  }

  private void markTenant(long tenantId) {
    Integer known =
        jdbc.queryForObject(
            "select count(*) from demo_tenant where tenant_id = ?", Integer.class, tenantId);
    if (known == null || known == 0) {
      jdbc.update("insert into demo_tenant (tenant_id) values (?)", tenantId);
    }
  }

  /** The demo's users and tenants in this database; empty when it holds none. */
  @Transactional(readOnly = true)
  Found find() {
    List<SeededUsers.Seeded> demo = users.find(USERNAMES, PASSWORD);
    Set<Long> tenants =
        new TreeSet<>(jdbc.queryForList("select tenant_id from demo_tenant", Long.class));
    demo.stream().map(SeededUsers.Seeded::tenantId).filter(id -> id != null).forEach(tenants::add);
    List<String> names = demo.stream().map(SeededUsers.Seeded::username).toList();
    return new Found(names, tenants);
  }

  /**
   * Deletes the demo's users and the demo tenants with every row of theirs (any table with a {@code
   * tenant_id}, children before parents), except the audit log. One transaction: all or nothing.
   */
  @Transactional
  Found remove() {
    Found found = find();
    if (found.empty()) {
      return found;
    }
    // The users first (the demo's and every user of a demo tenant, with their second factors and
    // login records): no tenant table refers to them.
    users.remove(found.usernames(), found.tenantIds());
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    if (!found.tenantIds().isEmpty()) {
      MapSqlParameterSource tenants = new MapSqlParameterSource("tenants", found.tenantIds());
      for (String table : tenantTablesChildrenFirst()) {
        named.update("delete from " + table + " where tenant_id in (:tenants)", tenants);
      }
      named.update("delete from tenant where id in (:tenants)", tenants);
    }
    audit.record(
        AuditEntry.success(AuditAction.DEMO_DATA_REMOVED, String.join(",", found.usernames()))
            .detail(AuditDetail.of("audit.detail.demoTenants", found.tenantIds().toString())));
    return found;
  }

  /**
   * Every table with a {@code tenant_id} column (found in the database, so tables other modules add
   * later are included), ordered so that a table comes before the tables its foreign keys name.
   */
  private List<String> tenantTablesChildrenFirst() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String catalog = connection.getCatalog();
      String schema = connection.getSchema();
      Set<String> tables = new TreeSet<>();
      try (ResultSet columns = meta.getColumns(catalog, schema, "%", "%")) {
        while (columns.next()) {
          String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if ("tenant_id".equalsIgnoreCase(columns.getString("COLUMN_NAME"))
              && !KEPT.contains(table)) {
            tables.add(table);
          }
        }
      }
      Map<String, Set<String>> parents = new HashMap<>();
      for (String table : tables) {
        Set<String> referenced = new HashSet<>();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
          try (ResultSet keys = meta.getImportedKeys(catalog, schema, name)) {
            while (keys.next()) {
              String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
              if (tables.contains(parent) && !parent.equals(table)) {
                referenced.add(parent);
              }
            }
          }
        }
        parents.put(table, referenced);
      }
      List<String> ordered = new ArrayList<>();
      Set<String> left = new TreeSet<>(tables);
      while (!left.isEmpty()) {
        // A table no remaining table refers to can go now.
        Set<String> referencedByLeft =
            left.stream()
                .flatMap(t -> parents.get(t).stream())
                .filter(left::contains)
                .collect(Collectors.toSet());
        List<String> free = left.stream().filter(t -> !referencedByLeft.contains(t)).toList();
        if (free.isEmpty()) {
          throw new IllegalStateException("the tenant tables' foreign keys form a cycle: " + left);
        }
        ordered.addAll(free);
        free.forEach(left::remove);
      }
      return ordered;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database's tables: " + e.getMessage(), e);
    }
  }
}
