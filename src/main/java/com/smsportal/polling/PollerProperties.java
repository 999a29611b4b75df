package com.smsportal.polling;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller's settings ({@code smsportal.poller.*}).
 *
 * @param enabled whether the schedule runs (tests call the poller themselves)
 * @param every how often each account is drained
 * @param tick how often the schedule looks for due accounts, spool files and unprocessed answers
 * @param statusNum reports asked for per call at most; a full batch means more are waiting
 * @param answerTime about how long one answer of reports may take to arrive: on a slow link fewer
 *     are asked for at a time (see {@link Pace}), so that little is on its way at any moment
 * @param maxFetches calls per account and queue in one round at most
 * @param maxRoundTime how long one account's round may go on fetching (half for each queue); it
 *     stops between fetches, never dropping a fetched answer, and the account is due again at once
 * @param backoffMax the longest wait after repeated errors of an account
 * @param lockAtMostFor how long an account's lock outlives a node that dies while polling it (at
 *     least 30 s; a live node extends it every half of that while it polls)
 * @param threads accounts polled at the same time on this node
 * @param queue accounts due that wait for a thread; beyond that an account waits for the next tick
 * @param spoolDir where answers go that the database could not take
 * @param landingDir where answers are written as they arrive ({@link Landing})
 * @param ownExt ask for the customer's own sub-number in replies
 * @param idleTick the longest wait between two rounds of an idle schedule (issue 27): after each
 *     round that offered no account the wait doubles from {@code tick}, up to this, never past the
 *     next poll of an account this node polls; so an account another node stopped polling, a new
 *     account, a backlog or spool file left by another node waits at most this much longer
 */
@ConfigurationProperties("smsportal.poller")
record PollerProperties(
    boolean enabled,
    Duration every,
    @DefaultValue("PT1S") Duration tick,
    int statusNum,
    @DefaultValue("1s") Duration answerTime,
    int maxFetches,
    Duration maxRoundTime,
    Duration backoffMax,
    Duration lockAtMostFor,
    int threads,
    int queue,
    Path spoolDir,
    Path landingDir,
    boolean ownExt,
    @DefaultValue("PT4S") Duration idleTick) {}
