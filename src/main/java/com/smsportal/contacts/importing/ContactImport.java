package com.smsportal.contacts.importing;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.contacts.book.Contact;
import com.smsportal.contacts.book.ContactAudit;
import com.smsportal.contacts.book.ContactFields;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sheet.ColumnRoles;
import com.smsportal.sheet.SheetMapping;
import com.smsportal.sheet.SheetRefused;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Imports a mapped spreadsheet: its rows read as a stream ({@link SheetMapping#forEachRow}) and
 * written {@link #BATCH} at a time, each batch in its own transaction ({@link ContactBatch}), so
 * that 100,000 rows hold the memory of a batch (and the numbers seen, to name a repeat's first
 * line). A row is left out, with its line and reason, when its number is empty, not a mainland
 * mobile number, repeated in the file, or its name or a field too long. A re-import updates by
 * number: the name replaced when the file gives one, the fields merged (a non-empty value replaces
 * the field of its key, other fields stay). A batch that fails stops the import; earlier batches
 * stay imported.
 */
@Service
public class ContactImport {

  /** Roles of a column on the mapping page. */
  public static final String MOBILE = "mobile";

  public static final String NAME = "name";
  public static final String FIELD = "field";

  static final int BATCH = 1000;

  private final ContactBatch batches;
  private final ContactAudit audit;

  ContactImport(ContactBatch batches, ContactAudit audit) {
    this.batches = batches;
    this.audit = audit;
  }

  /**
   * @param header the file's header ({@link SheetMapping.Preview#header})
   * @param roles what each column is: exactly one {@link #MOBILE}, at most one {@link #NAME}
   */
  public ImportResult run(
      String filename,
      byte[] bytes,
      List<String> header,
      ColumnRoles roles,
      List<Long> groupIds,
      List<String> groupNames)
      throws SheetRefused {
    int mobileColumn = roles.columns(MOBILE).get(0);
    List<Integer> nameColumns = roles.columns(NAME);
    int nameColumn = nameColumns.isEmpty() ? -1 : nameColumns.get(0);
    List<Integer> fieldColumns = roles.columns(FIELD);
    Map<String, Integer> firstLine = new HashMap<>();
    List<ContactBatch.Entry> batch = new ArrayList<>(BATCH);
    Counts counts = new Counts();
    SheetMapping.forEachRow(
        filename,
        bytes,
        row -> {
          String cell = row.cell(mobileColumn);
          String mobile = MobileNumber.mainland(cell);
          String reason = null;
          String argument = null;
          if (cell.isEmpty()) {
            reason = "contacts.import.reason.emptyMobile";
          } else if (mobile == null) {
            reason = "contacts.import.reason.badMobile";
          } else if (firstLine.containsKey(mobile)) {
            reason = "contacts.import.reason.repeated";
            argument = String.valueOf(firstLine.get(mobile));
          }
          String name = nameColumn < 0 ? null : ContactFields.clean(row.cell(nameColumn));
          Map<String, String> fields = new LinkedHashMap<>();
          for (int column : fieldColumns) {
            String value = ContactFields.clean(row.cell(column));
            if (!value.isEmpty()) {
              fields.put(key(header.get(column)), value);
            }
            if (reason == null && value.length() > ContactFields.MAX_VALUE) {
              reason = "contacts.import.reason.valueTooLong";
              argument = header.get(column);
            }
          }
          if (reason == null && name != null && name.length() > Contact.MAX_NAME) {
            reason = "contacts.import.reason.nameTooLong";
          }
          if (reason == null && ContactFields.encode(fields).isEmpty()) {
            reason = "contacts.import.reason.fieldsTooLong";
          }
          if (reason != null) {
            counts.invalid(new ImportResult.Invalid(row.line(), cell, reason, argument));
            return;
          }
          firstLine.put(mobile, row.line());
          batch.add(new ContactBatch.Entry(row.line(), mobile, name, fields));
          if (batch.size() == BATCH) {
            counts.add(batches.write(batch, groupIds));
            batch.clear();
          }
        });
    if (!batch.isEmpty()) {
      counts.add(batches.write(batch, groupIds));
    }
    ImportResult result =
        new ImportResult(
            filename == null ? "" : filename,
            counts.created,
            counts.updated,
            counts.invalid,
            List.copyOf(counts.shown),
            List.copyOf(groupNames));
    audit.record(
        AuditAction.CONTACTS_IMPORTED,
        AuditDetail.of("audit.target.contactFile", result.filename()),
        AuditDetail.of(
            "audit.detail.contactImport", result.created(), result.updated(), result.invalid()));
    return result;
  }

  /** A header as a field's key: within the key's length. */
  static String key(String header) {
    String key = ContactFields.clean(header);
    return key.length() > ContactFields.MAX_KEY ? key.substring(0, ContactFields.MAX_KEY) : key;
  }

  private static final class Counts {
    int created;
    int updated;
    int invalid;
    final List<ImportResult.Invalid> shown = new ArrayList<>();

    void invalid(ImportResult.Invalid row) {
      invalid++;
      if (shown.size() < ImportResult.SHOWN) {
        shown.add(row);
      }
    }

    void add(ContactBatch.Written written) {
      created += written.created();
      updated += written.updated();
      written.invalid().forEach(this::invalid);
    }
  }
}
