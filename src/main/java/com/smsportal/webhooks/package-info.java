/**
 * Signed webhooks (issue 25): a tenant admin's endpoints ({@code /settings/webhooks}), the outbox
 * of events written in the transaction of the change they tell of, and their delivery by the
 * Standard Webhooks specification (signed, retried for 24 hours, in order per endpoint) through a
 * guarded egress (https, public addresses only, the checked address connected, no redirects).
 *
 * <p>This base package is the module's API: the event types and the settings ({@code
 * smsportal.webhooks.*}). Internal: {@code endpoint} (the entity, its pages and secrets), {@code
 * outbox} (listens to the events the receipts, replies, sending and dashboard modules publish in
 * their transactions and writes the deliveries in batches) and {@code delivery} (the worker, the
 * signature, the egress guard and its HTTP client, the delivery log). Only {@code notifications}
 * depends on it, for {@link com.smsportal.webhooks.WebhookEndpointDisabled} (issue 26).
 */
package com.smsportal.webhooks;
