package com.smsportal.contacts;

import com.smsportal.contacts.book.ContactFields;
import com.smsportal.tenant.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address book as a send reads it: the current tenant's groups, and their members streamed.
 * Every query names the current tenant (native SQL): another tenant's group id reads as no group,
 * with no members.
 */
@Service
public class ContactGroups {

  /** Members read per query. */
  public static final int BATCH = 1000;

  private final NamedParameterJdbcTemplate jdbc;

  ContactGroups(JdbcTemplate jdbc) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
  }

  /** The current tenant's groups by name, with their member counts (the compose form's choice). */
  @Transactional(readOnly = true)
  public List<GroupSummary> groupsForCompose() {
    return jdbc.query(
        "select g.id, g.name, count(m.contact_id) from contact_group g"
            + " left join contact_group_member m on m.group_id = g.id"
            + " where g.tenant_id = :tenant group by g.id, g.name order by g.name",
        new MapSqlParameterSource("tenant", TenantContext.current()),
        (rs, n) -> new GroupSummary(rs.getLong(1), rs.getString(2), rs.getLong(3)));
  }

  /** Those of {@code groupIds} that are the current tenant's groups, with their counts. */
  @Transactional(readOnly = true)
  public List<GroupSummary> groups(Collection<Long> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return groupsForCompose().stream().filter(g -> groupIds.contains(g.id())).toList();
  }

  /** How many distinct contacts of the current tenant are in any of these groups. */
  @Transactional(readOnly = true)
  public long countMembers(Collection<Long> groupIds) {
    if (groupIds.isEmpty()) {
      return 0;
    }
    Long count =
        jdbc.queryForObject(
            "select count(distinct c.id) from contact c"
                + " join contact_group_member m on m.contact_id = c.id"
                + " join contact_group g on g.id = m.group_id"
                + " where c.tenant_id = :tenant and g.tenant_id = :tenant and g.id in (:groups)",
            params(groupIds),
            Long.class);
    return count == null ? 0 : count;
  }

  /**
   * Every distinct contact of the current tenant in any of these groups (a contact in two groups
   * comes once), in id order, {@link #BATCH} read per query: memory stays that of one batch. A
   * group id of another tenant adds nobody. Each batch is its own read; a contact added or removed
   * while this runs may or may not be seen.
   */
  public void forEachMember(Collection<Long> groupIds, Consumer<ContactRow> each) {
    if (groupIds.isEmpty()) {
      return;
    }
    long after = 0;
    while (true) {
      List<ContactRow> batch = new ArrayList<>(BATCH);
      jdbc.query(
          "select c.id, c.mobile, c.name, c.fields from contact c"
              + " where c.tenant_id = :tenant and c.id > :after and exists (select 1"
              + " from contact_group_member m join contact_group g on g.id = m.group_id"
              + " where m.contact_id = c.id and g.tenant_id = :tenant and g.id in (:groups))"
              + " order by c.id limit :limit",
          params(groupIds).addValue("after", after).addValue("limit", BATCH),
          rs -> {
            batch.add(
                new ContactRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    ContactFields.decode(rs.getString(4))));
          });
      batch.forEach(each);
      if (batch.size() < BATCH) {
        return;
      }
      after = batch.get(batch.size() - 1).id();
    }
  }

  private static MapSqlParameterSource params(Collection<Long> groupIds) {
    return new MapSqlParameterSource("tenant", TenantContext.current())
        .addValue("groups", List.copyOf(groupIds));
  }
}
