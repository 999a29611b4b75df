package com.smsportal.webhooks.endpoint;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.webhooks.WebhookEventType;
import com.smsportal.webhooks.WebhooksProperties;
import com.smsportal.webhooks.delivery.EgressGuard;
import com.smsportal.webhooks.delivery.SigningSecrets;
import com.smsportal.webhooks.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's endpoints (Hibernate's tenant filter): list, save (new or changed), delete,
 * roll the secret, send a test event; every change audited in its transaction. A new endpoint's
 * secret and a rolled one are returned once, to be shown once.
 */
@Service
public class WebhookEndpoints {

  private final WebhookEndpointRepository endpoints;
  private final SigningSecrets secrets;
  private final AuditLog audit;
  private final Outbox outbox;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final EgressGuard guard;
  private final WebhooksProperties properties;
  private final TenantService tenants;

  WebhookEndpoints(
      WebhookEndpointRepository endpoints,
      SigningSecrets secrets,
      AuditLog audit,
      Outbox outbox,
      TransactionTemplate tx,
      Clock clock,
      WebhooksProperties properties,
      TenantService tenants) {
    this.tenants = tenants;
    this.endpoints = endpoints;
    this.secrets = secrets;
    this.audit = audit;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.guard =
        new EgressGuard(properties.allowHttp(), properties.allowPrivateAddresses(), host -> null);
  }

  /** What a save gave: the endpoint, its new secret (created only), or the faults by field. */
  public record Saved(EndpointView endpoint, String secret, Map<String, String> faults) {
    public boolean ok() {
      return faults.isEmpty();
    }
  }

  public boolean enabled() {
    return properties.enabled();
  }

  public List<EndpointView> list() {
    return tx.execute(
        s -> endpoints.findAllByOrderByIdAsc().stream().map(WebhookEndpoint::toView).toList());
  }

  public Optional<EndpointView> find(long id) {
    return tx.execute(s -> endpoints.findById(id).map(WebhookEndpoint::toView));
  }

  /** Saves a new endpoint ({@code id} null) or changes one; empty if not the tenant's. */
  public Optional<Saved> save(Long id, EndpointForm form) {
    Map<String, String> faults = form.faults(guard.formProblem(form.url()));
    if (!faults.isEmpty()) {
      return Optional.of(new Saved(null, null, faults));
    }
    EndpointForm.Checked checked = form.checked();
    return tx.execute(
        s -> {
          Instant now = clock.instant();
          if (id == null) {
            WebhookEndpoint created =
                endpoints.saveAndFlush(new WebhookEndpoint(checked, now, CurrentActor.name()));
            String secret = SigningSecrets.fresh();
            created.seal(secrets.seal(secret, created.getId()));
            record(AuditAction.WEBHOOK_CREATED, created, checked.events());
            return Optional.of(new Saved(created.toView(), secret, Map.of()));
          }
          Optional<WebhookEndpoint> found = endpoints.findById(id);
          found.ifPresent(
              endpoint -> {
                boolean switchedOn = checked.active() && !endpoint.isActive();
                endpoint.change(checked, now, CurrentActor.name());
                endpoints.flush();
                if (switchedOn) {
                  endpoints.clearFailing(endpoint.getId());
                }
                record(AuditAction.WEBHOOK_CHANGED, endpoint, checked.events());
              });
          return found.map(e -> new Saved(e.toView(), null, Map.of()));
        });
  }

  /** A new secret replaces the old one at once; empty if not the tenant's. */
  public Optional<String> rollSecret(long id) {
    return tx.execute(
        s ->
            endpoints
                .findById(id)
                .map(
                    endpoint -> {
                      String secret = SigningSecrets.fresh();
                      endpoint.seal(secrets.seal(secret, endpoint.getId()));
                      record(AuditAction.WEBHOOK_SECRET_ROLLED, endpoint, null);
                      return secret;
                    }));
  }

  public boolean delete(long id) {
    return Boolean.TRUE.equals(
        tx.execute(
            s ->
                endpoints
                    .findById(id)
                    .map(
                        endpoint -> {
                          record(AuditAction.WEBHOOK_DELETED, endpoint, null);
                          endpoints.delete(endpoint);
                          return true;
                        })
                    .orElse(false)));
  }

  /** Writes a {@code webhook.test} event for this endpoint alone; false if not the tenant's. */
  public boolean sendTest(long id) {
    return Boolean.TRUE.equals(
        tx.execute(
            s ->
                endpoints
                    .findById(id)
                    .map(
                        endpoint -> {
                          Instant now = clock.instant();
                          Map<String, Object> data = new LinkedHashMap<>();
                          data.put("endpointId", endpoint.getId());
                          data.put("message", "Test event from the SMS portal");
                          outbox.write(
                              endpoint.getTenantId(),
                              List.of(endpoint.getId()),
                              WebhookEventType.TEST,
                              List.of(
                                  new Outbox.Event(
                                      "test/" + java.util.UUID.randomUUID(), now, data)));
                          record(AuditAction.WEBHOOK_TEST_SENT, endpoint, null);
                          return true;
                        })
                    .orElse(false)));
  }

  private void record(AuditAction action, WebhookEndpoint endpoint, List<String> events) {
    AuditEntry entry =
        AuditEntry.success(
                action, AuditDetail.of("audit.target.webhook", endpoint.getId(), endpoint.getUrl()))
            .tenant(
                endpoint.getTenantId(),
                tenants.find(endpoint.getTenantId()).map(TenantView::name).orElse(null));
    audit.record(events == null ? entry : entry.detail(String.join(", ", events)));
  }
}
