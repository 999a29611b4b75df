package com.smsportal.contacts.groups;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.contacts.book.ContactAudit;
import com.smsportal.contacts.book.ContactFields;
import com.smsportal.contacts.book.ContactGroup;
import com.smsportal.contacts.book.ContactGroupRepository;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, renames and deletes the current tenant's groups, audited; contacts are never deleted.
 */
@Service
@Transactional
public class GroupEdits {

  /** A name that can be a group's: a message key when it cannot. */
  public record Named(ContactGroup group, String error) {}

  private final ContactGroupRepository groups;
  private final JdbcTemplate jdbc;
  private final ContactAudit audit;

  GroupEdits(ContactGroupRepository groups, JdbcTemplate jdbc, ContactAudit audit) {
    this.groups = groups;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The tenant's group of this name, created if there is none yet (an import's new group). */
  public Named findOrCreate(String typed) {
    String name = ContactFields.clean(typed);
    String error = refusal(name, null);
    if (error != null) {
      return groups.findByName(name).map(g -> new Named(g, null)).orElse(new Named(null, error));
    }
    return new Named(store(name), null);
  }

  public Named create(String typed) {
    String name = ContactFields.clean(typed);
    String error = refusal(name, null);
    return error != null ? new Named(null, error) : new Named(store(name), null);
  }

  private ContactGroup store(String name) {
    ContactGroup group = groups.saveAndFlush(new ContactGroup(name));
    audit.record(AuditAction.CONTACT_GROUP_CREATED, target(name), null);
    return group;
  }

  /** Renames the group; empty when it is not the tenant's. */
  public Optional<Named> rename(long id, String typed) {
    Optional<ContactGroup> found = groups.findById(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String name = ContactFields.clean(typed);
    String error = refusal(name, id);
    if (error != null) {
      return Optional.of(new Named(found.get(), error));
    }
    String before = found.get().getName();
    found.get().rename(name);
    groups.saveAndFlush(found.get());
    audit.record(
        AuditAction.CONTACT_GROUP_RENAMED,
        target(name),
        AuditDetail.of("audit.detail.contactGroupRenamed", before));
    return Optional.of(new Named(found.get(), null));
  }

  /** Deletes the group and its memberships; its contacts stay. False when not the tenant's. */
  public boolean delete(long id) {
    Optional<ContactGroup> found = groups.findById(id);
    if (found.isEmpty()) {
      return false;
    }
    jdbc.update("delete from contact_group_member where group_id = ?", id);
    groups.delete(found.get());
    audit.record(AuditAction.CONTACT_GROUP_DELETED, target(found.get().getName()), null);
    return true;
  }

  private String refusal(String name, Long renaming) {
    if (name.isEmpty()) {
      return "contacts.groups.error.empty";
    }
    if (name.length() > ContactGroup.MAX_NAME) {
      return "contacts.groups.error.tooLong";
    }
    Optional<ContactGroup> same = groups.findByName(name);
    if (same.isPresent() && !same.get().getId().equals(renaming)) {
      return "contacts.groups.error.taken";
    }
    return null;
  }

  private static AuditDetail target(String name) {
    return AuditDetail.of("audit.target.contactGroup", name);
  }
}
