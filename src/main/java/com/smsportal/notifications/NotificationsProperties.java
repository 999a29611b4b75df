package com.smsportal.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notices' settings ({@code smsportal.notifications.*}); the SMTP server is Spring Boot's own
 * {@code spring.mail.*} (no {@code spring.mail.host}: no mail at all, in-app notices only).
 *
 * @param noPollMinutes an active account without a successful poll for this long notifies the
 *     operator's admins (once, until a poll succeeds again)
 * @param workerEnabled whether this node sends the mail outbox and runs the silent-poller check
 *     (the integration tests switch it off and call both themselves)
 * @param every how often the worker looks for due mail and silent pollers
 * @param batch mails one round sends at most
 * @param from the sender address of the mails
 * @param portalUrl the portal's address as its users open it ({@code https://sms.example.com}), put
 *     before a mail's link; empty: the mail names the page's path only
 * @param retryBase the first retry's delay after a failed send; each next one doubles it
 * @param retryMax the longest delay between two attempts
 * @param maxAttempts attempts before a mail is given up (FAILED; the in-app notice stays)
 * @param leaseFor how long a node holds a mail it sends (longer than the SMTP timeouts)
 */
@ConfigurationProperties("smsportal.notifications")
public record NotificationsProperties(
    @DefaultValue("30") int noPollMinutes,
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("PT15S") Duration every,
    @DefaultValue("50") int batch,
    @DefaultValue("noreply@smsportal.local") String from,
    @DefaultValue("") String portalUrl,
    @DefaultValue("PT1M") Duration retryBase,
    @DefaultValue("PT1H") Duration retryMax,
    @DefaultValue("20") int maxAttempts,
    @DefaultValue("PT2M") Duration leaseFor) {}
