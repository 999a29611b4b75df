package com.smsportal.templates.signature;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.templates.ReviewState;
import com.smsportal.templates.Reviewed;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's signature applications: a customer applies and withdraws (the current tenant), support
 * approves or rejects (a tenant named by id, in its context). Every change is audited.
 */
@Service
public class SignatureApplications {

  /** What came of an application: applied, or the message key of why not (nothing stored). */
  public record Applied(SignatureView signature, String errorKey) {}

  private final SignatureRepository signatures;
  private final AuditLog audit;
  private final TenantService tenants;
  private final TransactionTemplate tx;
  private final Clock clock;

  SignatureApplications(
      SignatureRepository signatures,
      AuditLog audit,
      TenantService tenants,
      TransactionTemplate tx,
      Clock clock) {
    this.signatures = signatures;
    this.audit = audit;
    this.tenants = tenants;
    this.tx = tx;
    this.clock = clock;
  }

  /** The current tenant's signatures, newest first. */
  public List<SignatureView> list() {
    return tx.execute(
        s -> signatures.findAllByOrderByIdDesc().stream().map(Signature::toView).toList());
  }

  /** The tenant's signatures, newest first, whoever asks (support's review). */
  public List<SignatureView> listOf(long tenantId) {
    return TenantContext.callAs(tenantId, this::list);
  }

  public Optional<SignatureView> find(long id) {
    return tx.execute(s -> signatures.findById(id).map(Signature::toView));
  }

  /** Applies for the typed signature in the current tenant; a duplicate or bad text is refused. */
  public Applied apply(String typed) {
    SignatureText.Read read = SignatureText.read(typed);
    if (!read.ok()) {
      return new Applied(null, read.errorKey());
    }
    long tenant = TenantContext.current();
    if (tenant == TenantContext.ALL_TENANTS || tenant == TenantContext.NO_TENANT) {
      throw new IllegalStateException("a signature belongs to one tenant: run in its context");
    }
    try {
      return tx.execute(
          status -> {
            if (signatures.findByText(read.signature()).isPresent()) {
              return new Applied(null, "signature.error.duplicate");
            }
            Signature saved =
                signatures.saveAndFlush(
                    new Signature(read.signature(), clock.instant(), CurrentActor.name()));
            record(AuditAction.SIGNATURE_APPLIED, tenant, saved.getText(), null);
            return new Applied(saved.toView(), null);
          });
    } catch (DataIntegrityViolationException sameMoment) {
      return new Applied(null, "signature.error.duplicate");
    }
  }

  /** Withdraws a pending or rejected application of the current tenant; false if none such. */
  public boolean withdraw(long id) {
    return tx.execute(
        status -> {
          Optional<Signature> found = signatures.findById(id);
          if (found.isEmpty() || found.get().getState() == ReviewState.APPROVED) {
            return false;
          }
          Signature signature = found.get();
          signatures.delete(signature);
          record(
              AuditAction.SIGNATURE_WITHDRAWN, signature.getTenantId(), signature.getText(), null);
          return true;
        });
  }

  /**
   * Support's decision on a tenant's signature: approve, or reject with a reason (required). False
   * when the tenant has no such signature.
   */
  public boolean review(long tenantId, long id, ReviewState decision, String reason) {
    String why = Reviewed.reasonOf(decision, reason);
    return TenantContext.callAs(
        tenantId,
        () ->
            tx.execute(
                status -> {
                  Optional<Signature> found = signatures.findById(id);
                  if (found.isEmpty()) {
                    return false;
                  }
                  Signature signature = found.get();
                  signature.review(decision, why, clock.instant(), CurrentActor.name());
                  record(
                      decision == ReviewState.APPROVED
                          ? AuditAction.SIGNATURE_APPROVED
                          : AuditAction.SIGNATURE_REJECTED,
                      tenantId,
                      signature.getText(),
                      why);
                  return true;
                }));
  }

  private void record(AuditAction action, long tenantId, String text, String reason) {
    AuditEntry entry =
        AuditEntry.success(action, AuditDetail.of("audit.target.signature", text))
            .tenant(tenantId, tenants.find(tenantId).map(TenantView::name).orElse(null));
    audit.record(reason == null ? entry : entry.detail(reason));
  }
}
