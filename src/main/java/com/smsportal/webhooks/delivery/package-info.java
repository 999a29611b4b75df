/**
 * Delivering: the scheduler and worker (one endpoint at a time under a lease, in order, retries),
 * the Standard Webhooks {@code Signature}, the {@code EgressGuard} and the pinned HTTP client, the
 * signing secrets, and the delivery log's reads and redeliver.
 */
package com.smsportal.webhooks.delivery;
