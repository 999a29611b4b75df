package com.smsportal.webhooks.delivery;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

  List<WebhookDelivery> findByEndpointIdOrderByIdDesc(long endpointId, Limit limit);

  List<WebhookDelivery> findByEndpointIdAndIdLessThanOrderByIdDesc(
      long endpointId, long before, Limit limit);
}
