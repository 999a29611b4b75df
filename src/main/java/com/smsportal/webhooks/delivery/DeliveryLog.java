package com.smsportal.webhooks.delivery;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.webhooks.WebhooksProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's delivery log (Hibernate's tenant filter): an endpoint's deliveries newest
 * first by keyset, and a manual redeliver (audited).
 */
@Service
public class DeliveryLog {

  private final WebhookDeliveryRepository deliveries;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final WebhooksProperties properties;
  private final AuditLog audit;

  DeliveryLog(
      WebhookDeliveryRepository deliveries,
      TransactionTemplate tx,
      Clock clock,
      WebhooksProperties properties,
      AuditLog audit) {
    this.deliveries = deliveries;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.audit = audit;
  }

  /** Up to {@code n} of the endpoint's deliveries older than {@code before} (null: the newest). */
  public List<DeliveryView> page(long endpointId, Long before, int n) {
    return tx.execute(
        s ->
            (before == null
                    ? deliveries.findByEndpointIdOrderByEndpointIdDescIdDesc(
                        endpointId, Limit.of(n))
                    : deliveries.findByEndpointIdAndIdLessThanOrderByEndpointIdDescIdDesc(
                        endpointId, before, Limit.of(n)))
                .stream().map(WebhookDelivery::toView).toList());
  }

  /** Makes the endpoint's delivery due again now; false if there is none such of the tenant. */
  public boolean redeliver(long endpointId, long deliveryId) {
    return Boolean.TRUE.equals(
        tx.execute(
            s ->
                deliveries
                    .findById(deliveryId)
                    .filter(d -> d.getEndpointId() == endpointId)
                    .map(
                        delivery -> {
                          delivery.redeliver(clock.instant(), properties.retryFor());
                          DeliveryView view = delivery.toView();
                          audit.record(
                              AuditEntry.success(
                                      AuditAction.WEBHOOK_REDELIVERED,
                                      AuditDetail.of(
                                          "audit.target.webhookDelivery",
                                          view.eventId(),
                                          endpointId))
                                  .tenant(delivery.getTenantId(), null));
                          return true;
                        })
                    .orElse(false)));
  }
}
