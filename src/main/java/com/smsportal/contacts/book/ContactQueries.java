package com.smsportal.contacts.book;

import com.smsportal.contacts.OptedOutNumbers;
import com.smsportal.tenant.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address book's reads in SQL (a page, the groups of its rows, an export's batches): native, so
 * every query names the current tenant itself ({@code c.tenant_id = :tenant}) and joins the
 * memberships only through the tenant's contacts and groups.
 */
@Service
@Transactional(readOnly = true)
public class ContactQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final OptedOutNumbers optOuts;

  ContactQueries(JdbcTemplate jdbc, OptedOutNumbers optOuts) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    this.optOuts = optOuts;
  }

  /**
   * At most {@code limit} contacts of the filter with an id below {@code beforeId} (null: the
   * newest), newest first, with their groups and whether they opted out.
   */
  public List<ContactView> page(ContactFilter filter, Long beforeId, int limit) {
    long tenant = TenantContext.current();
    List<ContactView> rows = plainPage(filter, beforeId, limit);
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<String>> groups = groupNames(rows.stream().map(ContactView::id).toList());
    Set<String> optedOut =
        optOuts.optedOut(tenant, rows.stream().map(ContactView::mobile).toList());
    return rows.stream()
        .map(
            r ->
                r.withGroupsAndOptOut(
                    groups.getOrDefault(r.id(), List.of()), optedOut.contains(r.mobile())))
        .toList();
  }

  /** A page without groups or opt-outs. */
  private List<ContactView> plainPage(ContactFilter filter, Long beforeId, int limit) {
    long tenant = TenantContext.current();
    MapSqlParameterSource params =
        new MapSqlParameterSource("tenant", tenant)
            .addValue("before", beforeId == null ? Long.MAX_VALUE : beforeId)
            .addValue("limit", limit);
    StringBuilder sql =
        new StringBuilder(
            "select c.id, c.mobile, c.name, c.fields from contact c"
                + " where c.tenant_id = :tenant and c.id < :before");
    if (filter.mobileLike() != null) {
      sql.append(" and c.mobile like :mobile escape '!'");
      params.addValue("mobile", filter.mobileLike());
    }
    if (filter.nameLike() != null) {
      sql.append(" and lower(c.name) like :name escape '!'");
      params.addValue("name", filter.nameLike());
    }
    if (filter.group() != null) {
      sql.append(
          " and exists (select 1 from contact_group_member m join contact_group g"
              + " on g.id = m.group_id where m.contact_id = c.id and g.id = :group"
              + " and g.tenant_id = :tenant)");
      params.addValue("group", filter.group());
    }
    sql.append(" order by c.tenant_id desc, c.id desc limit :limit");
    return jdbc.query(
        sql.toString(),
        params,
        (rs, n) ->
            new ContactView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                ContactFields.decode(rs.getString(4)),
                List.of(),
                false));
  }

  /** The names of the groups of each of these contacts, by name. */
  public Map<Long, List<String>> groupNames(Collection<Long> contactIds) {
    Map<Long, List<String>> names = new HashMap<>();
    if (contactIds.isEmpty()) {
      return names;
    }
    jdbc.query(
        "select m.contact_id, g.name from contact_group_member m use index (ix_member_contact)"
            + " join contact_group g on g.id = m.group_id"
            + " where m.contact_id in (:ids) and g.tenant_id = :tenant"
            + " order by g.name",
        new MapSqlParameterSource("tenant", TenantContext.current()).addValue("ids", contactIds),
        rs -> {
          names.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    return names;
  }

  /** The ids of the groups this contact of the tenant is in. */
  public Set<Long> groupIdsOf(long contactId) {
    return new TreeSet<>(
        jdbc.queryForList(
            "select m.group_id from contact_group_member m join contact c on c.id = m.contact_id"
                + " where c.tenant_id = :tenant and c.id = :id",
            new MapSqlParameterSource("tenant", TenantContext.current()).addValue("id", contactId),
            Long.class));
  }

  /** Every group of the tenant with its member count, by name. */
  public Map<Long, Long> memberCounts() {
    Map<Long, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        "select g.id, count(m.contact_id) from contact_group g left join contact_group_member m"
            + " on m.group_id = g.id where g.tenant_id = :tenant group by g.id",
        new MapSqlParameterSource("tenant", TenantContext.current()),
        rs -> {
          counts.put(rs.getLong(1), rs.getLong(2));
        });
    return counts;
  }

  /** The keys of the fields of every contact of the filter, sorted: the export's columns. */
  public Set<String> fieldKeys(ContactFilter filter) {
    Set<String> keys = new TreeSet<>();
    Long before = null;
    while (true) {
      List<ContactView> batch = plainPage(filter, before, 1000);
      batch.forEach(c -> keys.addAll(c.fields().keySet()));
      if (batch.size() < 1000 || keys.size() > ContactFields.MAX_FIELDS * 4) {
        return keys;
      }
      before = batch.get(batch.size() - 1).id();
    }
  }
}
