package com.smsportal.sending.optout;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.OptOutSource;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the numbers of an imported file on the current tenant's opt-out list: each valid number not
 * yet listed is added (source {@link OptOutSource#IMPORT}, the file's name as its note), a number
 * already listed (or twice in the file) is counted as such, and a line that is not a mainland
 * mobile number ({@link MobileNumber#mainland}) is reported with its line and does not stop the
 * others. The whole import is one audit entry with its counts.
 */
@Service
class OptOutImport {

  /** Rejected lines shown to the user; the count says how many there were in all. */
  static final int SHOWN = 20;

  /** Numbers stored per transaction. */
  static final int BATCH = 500;

  /** Characters of a rejected entry shown back. */
  static final int SHOWN_CHARS = 40;

  /** A line that was not added, and why (a message key). */
  record Rejected(int line, String entry, String reasonKey) implements Serializable {}

  /** What an import did; stays in the session for one redirect. */
  record Result(String filename, int added, int alreadyListed, int invalid, List<Rejected> shown)
      implements Serializable {
    Result {
      shown = List.copyOf(shown);
    }
  }

  private final OptOutRepository optOuts;
  private final AuditLog audit;
  private final TenantService tenants;
  private final TransactionTemplate tx;
  private final Clock clock;

  OptOutImport(
      OptOutRepository optOuts,
      AuditLog audit,
      TenantService tenants,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.optOuts = optOuts;
    this.audit = audit;
    this.tenants = tenants;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  Result importEntries(String filename, List<OptOutFile.Entry> entries) {
    long tenant = TenantContext.current();
    if (tenant == TenantContext.ALL_TENANTS || tenant == TenantContext.NO_TENANT) {
      throw new IllegalStateException("an import belongs to one tenant: run in its context");
    }
    Set<String> numbers = new LinkedHashSet<>();
    List<Rejected> shown = new ArrayList<>();
    int invalid = 0;
    int repeated = 0;
    for (OptOutFile.Entry entry : entries) {
      String number = MobileNumber.mainland(entry.text());
      if (number == null) {
        if (invalid++ < SHOWN) {
          shown.add(
              new Rejected(entry.line(), cut(entry.text()), "optouts.import.reason.notMobile"));
        }
      } else if (!numbers.add(number)) {
        repeated++;
      }
    }
    String note = filename == null || filename.isBlank() ? null : cut(filename, OptOut.MAX_NOTE);
    String actor = CurrentActor.name();
    Instant at = clock.instant();
    int added = 0;
    List<String> all = new ArrayList<>(numbers);
    for (int from = 0; from < all.size(); from += BATCH) {
      added += store(all.subList(from, Math.min(all.size(), from + BATCH)), note, at, actor);
    }
    Result result = new Result(filename, added, numbers.size() - added + repeated, invalid, shown);
    audit.record(
        AuditEntry.success(
                AuditAction.OPT_OUT_IMPORTED, AuditDetail.of("audit.target.optOutFile", note))
            .tenant(tenant, tenants.find(tenant).map(t -> t.name()).orElse(null))
            .detail(
                AuditDetail.of(
                    "audit.detail.optOutImport",
                    result.added(),
                    result.alreadyListed(),
                    result.invalid())));
    return result;
  }

  /** Adds the numbers of one batch not yet listed; how many it added. */
  private int store(List<String> batch, String note, Instant at, String actor) {
    try {
      Integer added = tx.execute(status -> insertNew(batch, note, at, actor));
      return added == null ? 0 : added;
    } catch (DataIntegrityViolationException concurrent) {
      // Listed at the same moment by someone else (a reply): one by one, so the rest go in.
      int added = 0;
      for (String number : batch) {
        try {
          Integer one = tx.execute(status -> insertNew(List.of(number), note, at, actor));
          added += one == null ? 0 : one;
        } catch (DataIntegrityViolationException listedMeanwhile) {
          // on the list either way
        }
      }
      return added;
    }
  }

  private int insertNew(List<String> batch, String note, Instant at, String actor) {
    Set<String> listed = new HashSet<>(optOuts.mobilesAmong(batch));
    List<OptOut> fresh = new ArrayList<>();
    for (String number : batch) {
      if (!listed.contains(number)) {
        fresh.add(new OptOut(number, OptOutSource.IMPORT, null, note, at, actor));
      }
    }
    optOuts.saveAllAndFlush(fresh);
    return fresh.size();
  }

  private static String cut(String text) {
    return cut(text, SHOWN_CHARS);
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
