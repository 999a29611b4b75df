package com.smsportal.templates.template;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.templates.ReviewState;
import com.smsportal.templates.Reviewed;
import com.smsportal.templates.Signatures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.LikePatterns;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's templates: list, save (new or changed), delete, every change audited; and
 * support's review of a tenant's templates with its switch. A saved template is approved at once,
 * unless the tenant's templates need review: then it waits (an approved one changed too).
 */
@Service
public class TemplateBook {

  /** What came of a save: the template, or the faults by field (nothing stored). */
  public record Saved(TemplateView template, Map<String, TemplateForm.FieldError> faults) {
    public boolean ok() {
      return faults.isEmpty();
    }
  }

  private final MessageTemplateRepository templates;
  private final TemplateReviewPolicyRepository policies;
  private final Signatures signatures;
  private final AuditLog audit;
  private final TenantService tenants;
  private final TransactionTemplate tx;
  private final Clock clock;

  TemplateBook(
      MessageTemplateRepository templates,
      TemplateReviewPolicyRepository policies,
      Signatures signatures,
      AuditLog audit,
      TenantService tenants,
      TransactionTemplate tx,
      Clock clock) {
    this.templates = templates;
    this.policies = policies;
    this.signatures = signatures;
    this.audit = audit;
    this.tenants = tenants;
    this.tx = tx;
    this.clock = clock;
  }

  /** A page of the current tenant's templates, newest first, by name or content. */
  public List<TemplateView> page(String search, Long beforeId, int limit) {
    String q = search == null || search.isBlank() ? null : LikePatterns.contains(search.strip());
    return tx.execute(
        status ->
            templates
                .page(beforeId == null ? Long.MAX_VALUE : beforeId, q, Limit.of(limit))
                .stream()
                .map(MessageTemplate::toView)
                .toList());
  }

  public Optional<TemplateView> find(long id) {
    return tx.execute(status -> templates.findById(id).map(MessageTemplate::toView));
  }

  /** The current tenant's approved signatures, which a template must start with (if any). */
  public List<String> approvedSignatures() {
    long tenant = TenantContext.current();
    return oneTenant(tenant) ? signatures.approvedTexts(tenant) : List.of();
  }

  /** Whether the current tenant's templates need support's approval. */
  public boolean reviewRequired() {
    long tenant = TenantContext.current();
    return oneTenant(tenant) && reviewRequired(tenant);
  }

  public boolean reviewRequired(long tenantId) {
    return tx.execute(
        status ->
            policies.findById(tenantId).map(TemplateReviewPolicy::isReviewRequired).orElse(false));
  }

  /** Saves a new template ({@code id} null) or changes one; empty if there is no such template. */
  public Optional<Saved> save(Long id, TemplateForm form) {
    long tenant = currentTenant();
    List<String> approved = signatures.approvedTexts(tenant);
    Map<String, TemplateForm.FieldError> faults = form.faults(approved);
    if (id != null && find(id).isEmpty()) {
      return Optional.empty();
    }
    if (!faults.isEmpty()) {
      return Optional.of(new Saved(null, faults));
    }
    TemplateForm.Checked checked = form.checked(approved);
    ReviewState state = reviewRequired(tenant) ? ReviewState.PENDING : ReviewState.APPROVED;
    try {
      return tx.execute(
          status -> {
            Optional<MessageTemplate> sameName = templates.findByName(checked.name());
            if (sameName.isPresent() && !sameName.get().getId().equals(id)) {
              return Optional.of(duplicate());
            }
            MessageTemplate template;
            if (id == null) {
              template = new MessageTemplate(checked, state, clock.instant(), CurrentActor.name());
            } else {
              template = templates.findById(id).orElse(null);
              if (template == null) {
                return Optional.<Saved>empty();
              }
              template.change(checked, state, clock.instant(), CurrentActor.name());
            }
            MessageTemplate saved = templates.saveAndFlush(template);
            record(
                id == null ? AuditAction.TEMPLATE_CREATED : AuditAction.TEMPLATE_CHANGED,
                tenant,
                saved,
                state == ReviewState.PENDING
                    ? AuditDetail.of("audit.detail.templatePending")
                    : null,
                null);
            return Optional.of(new Saved(saved.toView(), Map.of()));
          });
    } catch (DataIntegrityViolationException sameMoment) {
      return Optional.of(duplicate());
    }
  }

  private static Saved duplicate() {
    return new Saved(
        null,
        Map.of("name", new TemplateForm.FieldError("template.error.nameTaken", new Object[0])));
  }

  /** Deletes the current tenant's template; false if there is none such. */
  public boolean delete(long id) {
    return tx.execute(
        status -> {
          Optional<MessageTemplate> found = templates.findById(id);
          if (found.isEmpty()) {
            return false;
          }
          templates.delete(found.get());
          record(AuditAction.TEMPLATE_DELETED, found.get().getTenantId(), found.get(), null, null);
          return true;
        });
  }

  /** The tenant's templates, newest first, whoever asks (support's review). */
  public List<TemplateView> listOf(long tenantId, int limit) {
    return TenantContext.callAs(tenantId, () -> page(null, null, limit));
  }

  /** Support's decision on a tenant's template; false when it has no such template. */
  public boolean review(long tenantId, long id, ReviewState decision, String reason) {
    String why = Reviewed.reasonOf(decision, reason);
    return TenantContext.callAs(
        tenantId,
        () ->
            tx.execute(
                status -> {
                  Optional<MessageTemplate> found = templates.findById(id);
                  if (found.isEmpty()) {
                    return false;
                  }
                  found.get().review(decision, why, clock.instant(), CurrentActor.name());
                  record(
                      decision == ReviewState.APPROVED
                          ? AuditAction.TEMPLATE_APPROVED
                          : AuditAction.TEMPLATE_REJECTED,
                      tenantId,
                      found.get(),
                      null,
                      why);
                  return true;
                }));
  }

  /** Support switches the tenant's "templates need review". */
  public void setReviewRequired(long tenantId, boolean required) {
    tx.executeWithoutResult(
        status -> {
          TemplateReviewPolicy policy =
              policies.findById(tenantId).orElseGet(() -> new TemplateReviewPolicy(tenantId));
          policy.set(required, clock.instant(), CurrentActor.name());
          policies.save(policy);
          audit.record(
              AuditEntry.success(
                      AuditAction.TEMPLATE_REVIEW_SWITCHED,
                      AuditDetail.of("audit.target.templateReview"))
                  .tenant(tenantId, tenantName(tenantId))
                  .detail(
                      AuditDetail.of(
                          required
                              ? "audit.detail.templateReview.on"
                              : "audit.detail.templateReview.off")));
        });
  }

  private void record(
      AuditAction action, long tenantId, MessageTemplate t, AuditDetail detail, String reason) {
    AuditEntry entry =
        AuditEntry.success(action, AuditDetail.of("audit.target.template", t.getName(), t.getId()))
            .tenant(tenantId, tenantName(tenantId));
    if (detail != null) {
      entry = entry.detail(detail);
    } else if (reason != null) {
      entry = entry.detail(reason);
    }
    audit.record(entry);
  }

  private String tenantName(long tenantId) {
    return tenants.find(tenantId).map(TenantView::name).orElse(null);
  }

  private static boolean oneTenant(long tenant) {
    return tenant != TenantContext.ALL_TENANTS && tenant != TenantContext.NO_TENANT;
  }

  private static long currentTenant() {
    long tenant = TenantContext.current();
    if (!oneTenant(tenant)) {
      throw new IllegalStateException("a template belongs to one tenant: run in its context");
    }
    return tenant;
  }
}
