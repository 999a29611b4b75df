package com.smsportal.webhooks;

import java.time.Instant;

/**
 * Published in the transaction that disables a webhook endpoint after it failed without a success
 * for {@code smsportal.webhooks.disable-after}: once per disabling. Names no URL (a tenant may have
 * put a token in it) and no secret.
 */
public record WebhookEndpointDisabled(long tenantId, long endpointId, Instant at) {}
