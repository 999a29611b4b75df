package com.smsportal.contacts.importing;

import com.smsportal.contacts.book.ContactFields;
import com.smsportal.tenant.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One batch of an import in one transaction: each row's contact created, or updated by its number
 * (name replaced when the file gives one, fields merged: {@link ContactFields#merge}), then added
 * to the chosen groups. Native SQL in batches; every statement names the current tenant.
 */
@Component
class ContactBatch {

  /** A valid row of the file: its number, its name (null: the file has no name), its fields. */
  record Entry(int line, String mobile, String name, Map<String, String> fields) {}

  /** What the batch did. */
  record Written(int created, int updated, List<ImportResult.Invalid> invalid) {}

  private final NamedParameterJdbcTemplate jdbc;

  ContactBatch(JdbcTemplate jdbc) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * @param groupIds the current tenant's groups (found through its repository) to add the rows to
   */
  @Transactional
  public Written write(List<Entry> entries, Collection<Long> groupIds) {
    long tenant = TenantContext.current();
    List<String> mobiles = entries.stream().map(Entry::mobile).toList();
    Map<String, Stored> stored = new HashMap<>();
    jdbc.query(
        "select id, mobile, name, fields from contact use index (ix_contact_mobile)"
            + " where mobile in (:mobiles) and tenant_id = :tenant",
        new MapSqlParameterSource("tenant", tenant).addValue("mobiles", mobiles),
        rs -> {
          stored.put(
              rs.getString(2),
              new Stored(rs.getLong(1), rs.getString(3), ContactFields.decode(rs.getString(4))));
        });
    List<MapSqlParameterSource> inserts = new ArrayList<>();
    List<MapSqlParameterSource> updates = new ArrayList<>();
    List<ImportResult.Invalid> invalid = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (Entry entry : entries) {
      Stored before = stored.get(entry.mobile());
      Map<String, String> fields =
          before == null ? entry.fields() : ContactFields.merge(before.fields(), entry.fields());
      String encoded = ContactFields.encode(fields).orElse(null);
      if (encoded == null) {
        invalid.add(
            new ImportResult.Invalid(
                entry.line(), entry.mobile(), "contacts.import.reason.fieldsTooLong", null));
        continue;
      }
      written.add(entry.mobile());
      String name = entry.name() != null && !entry.name().isEmpty() ? entry.name() : null;
      MapSqlParameterSource row =
          new MapSqlParameterSource("tenant", tenant)
              .addValue("mobile", entry.mobile())
              .addValue("fields", encoded);
      if (before == null) {
        inserts.add(row.addValue("name", name == null ? "" : name));
      } else {
        updates.add(row.addValue("name", name == null ? before.name() : name));
      }
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate(
          "insert into contact (tenant_id, mobile, name, fields)"
              + " values (:tenant, :mobile, :name, :fields)",
          inserts.toArray(MapSqlParameterSource[]::new));
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "update contact set name = :name, fields = :fields"
              + " where tenant_id = :tenant and mobile = :mobile",
          updates.toArray(MapSqlParameterSource[]::new));
    }
    for (Long group : groupIds) {
      if (written.isEmpty()) {
        break;
      }
      jdbc.update(
          "insert into contact_group_member (group_id, contact_id)"
              + " select :group, c.id from contact c use index (ix_contact_mobile)"
              + " where c.mobile in (:mobiles) and c.tenant_id = :tenant"
              + " and not exists (select 1 from contact_group_member m"
              + " where m.group_id = :group and m.contact_id = c.id)",
          new MapSqlParameterSource("tenant", tenant)
              .addValue("group", group)
              .addValue("mobiles", written));
    }
    return new Written(inserts.size(), updates.size(), invalid);
  }

  private record Stored(long id, String name, Map<String, String> fields) {}
}
