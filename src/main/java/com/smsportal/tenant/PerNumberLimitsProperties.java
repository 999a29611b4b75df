package com.smsportal.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's default flood limits per number ({@code smsportal.limits.per-number.*}), for the
 * tenants whose own support left empty: messages to one number per China-time minute, hour and day;
 * 0 or empty is no limit.
 */
@ConfigurationProperties("smsportal.limits.per-number")
record PerNumberLimitsProperties(
    @DefaultValue("1") Integer minute,
    @DefaultValue("5") Integer hour,
    @DefaultValue("10") Integer day) {}
