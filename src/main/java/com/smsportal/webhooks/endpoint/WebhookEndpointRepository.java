package com.smsportal.webhooks.endpoint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

  List<WebhookEndpoint> findAllByOrderByIdAsc();

  /** An endpoint switched on again starts afresh: no longer failing, no longer disabled. */
  @Modifying
  @Query(
      value = "update webhook_endpoint set failing_since = null, disabled_at = null where id = :id",
      nativeQuery = true)
  void clearFailing(long id);
}
