package com.smsportal.sending.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The send worker's settings ({@code smsportal.sending.*}), each default written here once.
 *
 * @param workerEnabled whether the schedule submits (the integration tests switch it on where they
 *     send)
 * @param pollEvery how often the worker looks for due chunks
 * @param threads the sending pool's threads: accounts submitting at once on this node (no queue)
 * @param turn how long one account's turn on a thread lasts
 * @param stopWait how long a stop waits for the calls under way
 * @param submitsPerSecond submits per second and gateway account, across the cluster
 * @param rateWait how long a submit waits for its permit
 * @param retryAfter when a chunk that cannot be submitted now (the call never left, the account or
 *     tenant not ready) is tried again
 * @param leaseFor how long an account's send lease lasts from each submit's start ({@link
 *     SendLeases}: never less than the gateway's connect + read timeout + 10 s)
 * @param submittingStaleAfter after how long a chunk still SUBMITTING under no known node (claimed
 *     before node heartbeats existed) is taken as interrupted (UNKNOWN, never resent automatically)
 * @param idlePollEvery the longest wait between two rounds of an idle worker (issue 27): the wait
 *     doubles from {@code pollEvery} after each round that found nothing to do; what another node
 *     queues waits at most this long (this node's own jobs wake the worker at once)
 */
@ConfigurationProperties("smsportal.sending")
record SendingProperties(
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("PT1S") Duration pollEvery,
    @DefaultValue("8") int threads,
    @DefaultValue("PT5S") Duration turn,
    @DefaultValue("PT20S") Duration stopWait,
    @DefaultValue("5") int submitsPerSecond,
    @DefaultValue("PT1S") Duration rateWait,
    @DefaultValue("PT30S") Duration retryAfter,
    @DefaultValue("PT1M") Duration leaseFor,
    @DefaultValue("PT1M") Duration submittingStaleAfter,
    @DefaultValue("PT4S") Duration idlePollEvery) {}
