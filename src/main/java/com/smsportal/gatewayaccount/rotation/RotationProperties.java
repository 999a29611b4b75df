package com.smsportal.gatewayaccount.rotation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password rotation's settings ({@code smsportal.rotation.*}). How often the retry runs, {@code
 * retry-every} (default PT1M), is read by its schedule ({@link RotationRetry#EVERY}).
 *
 * @param settleAfter how long after an unanswered change the old password must still work before
 *     the new one is dropped: a change the gateway received but applied late would otherwise leave
 *     the portal with a password the gateway no longer accepts, and no other copy of the valid one
 * @param staleAfter how long a rotation may stay PENDING (its node stopped during the call, and did
 *     not come back) before it is put in doubt and checked with each password
 */
@ConfigurationProperties("smsportal.rotation")
record RotationProperties(
    @DefaultValue("PT5M") Duration settleAfter, @DefaultValue("PT5M") Duration staleAfter) {}
