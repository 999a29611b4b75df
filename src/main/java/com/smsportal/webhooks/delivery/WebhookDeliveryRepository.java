package com.smsportal.webhooks.delivery;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The delivery log's pages, newest first. Ordered by both columns of ix_webhook_delivery_log (the
 * same order, the endpoint being fixed): H2 then reads the index backwards and stops after a page
 * (EXPLAIN ANALYZE: scanCount 20); ordered by the id alone it read and sorted every delivery the
 * endpoint ever had at each page (scanCount 50,001 for 50,000).
 */
interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

  List<WebhookDelivery> findByEndpointIdOrderByEndpointIdDescIdDesc(long endpointId, Limit limit);

  List<WebhookDelivery> findByEndpointIdAndIdLessThanOrderByEndpointIdDescIdDesc(
      long endpointId, long before, Limit limit);
}
