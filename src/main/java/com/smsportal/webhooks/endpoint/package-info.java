/**
 * A tenant's webhook endpoints (the entity, {@code WebhookEndpoints}), their pages under {@code
 * /settings/webhooks} and the delivery log's page; the secret is made and sealed in {@code
 * delivery.SigningSecrets} and shown once.
 */
package com.smsportal.webhooks.endpoint;
