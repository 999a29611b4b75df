package com.smsportal.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhooks' settings ({@code smsportal.webhooks.*}), each default written here once.
 *
 * @param enabled the portal-wide switch: off, no event is written and nothing is delivered
 * @param workerEnabled whether this node delivers (the integration tests switch it on where they
 *     deliver, as they do the send worker)
 * @param allowHttp whether an endpoint may be plain {@code http} (the demo's default; otherwise
 *     {@code https} only)
 * @param allowPrivateAddresses whether an endpoint may resolve to a loopback, private, link-local
 *     or metadata address (private deployments and the tests; default no)
 * @param every how often the worker looks for due deliveries
 * @param threads endpoints delivered to at once on this node
 * @param batch deliveries one endpoint takes at a time
 * @param inFlight requests to one endpoint at once, in a sliding window: an event goes once every
 *     event this many places before it has its answer, so it may overtake only the ones between
 * @param retryBase the first retry's delay; each next one doubles it (at most {@code retryMax}),
 *     with a jitter of up to a fifth
 * @param retryMax the longest delay between two attempts
 * @param retryFor how long a delivery is retried before it is marked failed
 * @param disableAfter how long an endpoint fails without a success before it is disabled
 * @param leaseFor how long a node holds an endpoint's deliveries from each batch's start
 * @param connectTimeout the connect timeout of a delivery
 * @param readTimeout the read timeout of a delivery (each read)
 * @param idleEvery the longest wait between two looks of an idle worker (issue 27): the wait
 *     doubles from {@code every} after each look that found nothing due; events written on this
 *     node wake it at once, those of another node wait at most this long
 */
@ConfigurationProperties("smsportal.webhooks")
public record WebhooksProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("false") boolean allowHttp,
    @DefaultValue("false") boolean allowPrivateAddresses,
    @DefaultValue("PT1S") Duration every,
    @DefaultValue("4") int threads,
    @DefaultValue("100") int batch,
    @DefaultValue("8") int inFlight,
    @DefaultValue("PT10S") Duration retryBase,
    @DefaultValue("PT1H") Duration retryMax,
    @DefaultValue("PT24H") Duration retryFor,
    @DefaultValue("P3D") Duration disableAfter,
    @DefaultValue("PT2M") Duration leaseFor,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT5S") Duration readTimeout,
    @DefaultValue("PT4S") Duration idleEvery) {}
