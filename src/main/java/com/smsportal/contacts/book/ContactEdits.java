package com.smsportal.contacts.book;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.mobile.MobileNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, changes and deletes one contact of the current tenant, audited. */
@Service
@Transactional
public class ContactEdits {

  /** What came of a save: the contact's id, or the refusals by field (message keys). */
  public record Saved(Long id, Map<String, String> errors, Object errorArgument) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private final ContactRepository contacts;
  private final ContactGroupRepository groups;
  private final JdbcTemplate jdbc;
  private final ContactAudit audit;

  ContactEdits(
      ContactRepository contacts,
      ContactGroupRepository groups,
      JdbcTemplate jdbc,
      ContactAudit audit) {
    this.contacts = contacts;
    this.groups = groups;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Optional<Contact> find(long id) {
    return contacts.findById(id);
  }

  /**
   * Stores the form as a new contact ({@code id} null) or over the contact with this id; nothing is
   * stored when a field is refused. Empty when the id is not the tenant's.
   */
  public Optional<Saved> save(Long id, ContactForm form) {
    Contact existing = null;
    if (id != null) {
      existing = contacts.findById(id).orElse(null);
      if (existing == null) {
        return Optional.empty();
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Object argument = null;
    String mobile = MobileNumber.mainland(form.mobile());
    if (form.mobile().isBlank()) {
      errors.put("mobile", "contacts.error.mobileEmpty");
    } else if (mobile == null) {
      errors.put("mobile", "contacts.error.mobile");
    } else {
      Optional<Contact> same = contacts.findByMobile(mobile);
      if (same.isPresent() && (existing == null || !same.get().getId().equals(id))) {
        errors.put("mobile", "contacts.error.mobileTaken");
      }
    }
    String name = ContactFields.clean(form.name());
    if (name.length() > Contact.MAX_NAME) {
      errors.put("name", "contacts.error.nameTooLong");
    }
    ContactForm.ParsedFields parsed = form.parsedFields();
    Optional<String> encoded = ContactFields.encode(parsed.fields());
    if (parsed.badLine() > 0) {
      errors.put("fields", "contacts.error.fieldLine");
      argument = parsed.badLine();
    } else if (encoded.isEmpty()) {
      errors.put("fields", "contacts.error.fieldsTooLong");
    }
    if (!errors.isEmpty()) {
      return Optional.of(new Saved(null, errors, argument));
    }
    Contact contact;
    if (existing == null) {
      contact = contacts.saveAndFlush(new Contact(mobile, name, encoded.get()));
      audit.record(AuditAction.CONTACT_CREATED, target(mobile), null);
    } else {
      existing.change(mobile, name, encoded.get());
      contact = contacts.saveAndFlush(existing);
      audit.record(AuditAction.CONTACT_UPDATED, target(mobile), null);
    }
    setGroups(contact.getId(), form.groupIds());
    return Optional.of(new Saved(contact.getId(), Map.of(), null));
  }

  /** Deletes the contact (its memberships with it, never a group); false if not the tenant's. */
  public boolean delete(long id) {
    Optional<Contact> found = contacts.findById(id);
    if (found.isEmpty()) {
      return false;
    }
    jdbc.update("delete from contact_group_member where contact_id = ?", id);
    contacts.delete(found.get());
    audit.record(AuditAction.CONTACT_DELETED, target(found.get().getMobile()), null);
    return true;
  }

  /** The contact (already found as the tenant's) is in exactly these of the tenant's groups. */
  private void setGroups(long contactId, Set<Long> groupIds) {
    jdbc.update("delete from contact_group_member where contact_id = ?", contactId);
    for (ContactGroup group : groups.findAllById(groupIds)) {
      jdbc.update(
          "insert into contact_group_member (group_id, contact_id) values (?, ?)",
          group.getId(),
          contactId);
    }
  }

  static AuditDetail target(String mobile) {
    return AuditDetail.of("audit.target.contact", mobile);
  }
}
