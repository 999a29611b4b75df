package com.smsportal.sending;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.optout.OptOut;
import com.smsportal.sending.optout.OptOutRepository;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's opt-out list (facade): numbers that asked not to be messaged. Sends leave them out,
 * when the job is stored and again when each chunk is submitted. Everything works in the current
 * tenant's context; adding and removing are audited.
 */
@Service
public class OptOuts {

  /** Numbers per IN query of {@link #optedOut}: well under every database's parameter limit. */
  static final int QUERY_CHUNK = 1000;

  private final OptOutRepository optOuts;
  private final AuditLog audit;
  private final TenantService tenants;
  private final TransactionTemplate tx;
  private final TransactionTemplate ownTx;
  private final Clock clock;

  OptOuts(
      OptOutRepository optOuts,
      AuditLog audit,
      TenantService tenants,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.optOuts = optOuts;
    this.audit = audit;
    this.tenants = tenants;
    this.tx = new TransactionTemplate(transactions);
    // Its own transaction: a duplicate that loses the race on the unique key must not spoil the
    // caller's transaction (the poller's).
    this.ownTx = new TransactionTemplate(transactions);
    this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** What became of a request to add a number. */
  public enum Added {
    ADDED,
    ALREADY_LISTED,
    NOT_A_MOBILE,
    NOTE_TOO_LONG
  }

  /**
   * Adds the number of an opt-out reply (the poller calls this in the reply's tenant's context).
   * Idempotent: a number already listed, or added by a concurrent call at the same moment, is left
   * as it is.
   *
   * @return whether the number was newly added
   */
  public boolean addFromReply(String mobile, long replyId) {
    return insert(mobile, OptOutSource.REPLY, replyId, null, CurrentActor.SYSTEM) == Added.ADDED;
  }

  /** Adds a number by a person of the tenant, with an optional note. */
  public Added add(String mobile, String note) {
    String text = note == null ? null : note.strip();
    if (text != null && text.length() > OptOut.MAX_NOTE) {
      return Added.NOTE_TOO_LONG;
    }
    return insert(
        mobile,
        OptOutSource.MANUAL,
        null,
        text == null || text.isEmpty() ? null : text,
        CurrentActor.name());
  }

  /** Removes the number from the list (messages may reach it again); false if not found. */
  public boolean remove(long id) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              Optional<OptOut> found = optOuts.findById(id);
              if (found.isEmpty()) {
                return false;
              }
              OptOut optOut = found.get();
              optOuts.delete(optOut);
              audit.record(
                  AuditEntry.success(AuditAction.OPT_OUT_REMOVED, target(optOut.getMobile()))
                      .tenant(optOut.getTenantId(), tenantName(optOut.getTenantId())));
              return true;
            }));
  }

  public Optional<OptOutView> find(long id) {
    return tx.execute(status -> optOuts.findById(id).map(OptOut::toView));
  }

  /**
   * A page of the list, newest first, before {@code beforeId} (keyset; null for the first page),
   * only numbers containing what {@code search} looks for ({@link MobileNumber#fragment}).
   */
  public List<OptOutView> page(String search, Long beforeId, int limit) {
    String only = MobileNumber.fragment(search);
    return tx.execute(
        status ->
            optOuts
                .page(
                    beforeId == null ? Long.MAX_VALUE : beforeId,
                    only.isEmpty() ? null : "%" + only + "%",
                    Limit.of(limit))
                .stream()
                .map(OptOut::toView)
                .toList());
  }

  /**
   * Which of these (normalised) numbers are on the list. Asks in chunks of {@value #QUERY_CHUNK},
   * so 100,000 numbers cost 100 indexed queries.
   */
  public Set<String> optedOut(Collection<String> mobiles) {
    if (mobiles.isEmpty()) {
      return Set.of();
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(mobiles));
    return tx.execute(
        status -> {
          Set<String> found = new HashSet<>();
          for (int from = 0; from < distinct.size(); from += QUERY_CHUNK) {
            found.addAll(
                optOuts.mobilesAmong(
                    distinct.subList(from, Math.min(distinct.size(), from + QUERY_CHUNK))));
          }
          return found;
        });
  }

  private Added insert(
      String mobile, OptOutSource source, Long replyId, String note, String createdBy) {
    if (TenantContext.current() == TenantContext.ALL_TENANTS) {
      throw new IllegalStateException("an opt-out belongs to one tenant: run in its context");
    }
    String number = MobileNumber.mainland(mobile);
    if (number == null) {
      return Added.NOT_A_MOBILE;
    }
    try {
      return ownTx.execute(
          status -> {
            if (optOuts.findByMobile(number).isPresent()) {
              return Added.ALREADY_LISTED;
            }
            OptOut saved =
                optOuts.saveAndFlush(
                    new OptOut(number, source, replyId, note, clock.instant(), createdBy));
            audit.record(
                AuditEntry.success(AuditAction.OPT_OUT_ADDED, target(number))
                    .tenant(saved.getTenantId(), tenantName(saved.getTenantId()))
                    .detail(
                        source == OptOutSource.REPLY
                            ? AuditDetail.of("audit.detail.optOutReply", replyId)
                            : AuditDetail.of("audit.detail.optOutByHand")));
            return Added.ADDED;
          });
    } catch (DataIntegrityViolationException concurrent) {
      // Another call listed the same number at the same moment: it is on the list either way.
      return Added.ALREADY_LISTED;
    }
  }

  private String tenantName(long tenantId) {
    return tenants.find(tenantId).map(t -> t.name()).orElse(null);
  }

  static AuditDetail target(String mobile) {
    return AuditDetail.of("audit.target.optOut", mobile);
  }
}
