package com.smsportal.gatewayaccount.endpoint;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first gateway endpoint ({@code smsportal.endpoints.*}), created at start-up while there is
 * none; afterwards administrators manage the endpoints and these are not read again.
 *
 * @param initialName its name (application.properties sets it)
 * @param initialBaseUrl its address, from {@code SMSPORTAL_GATEWAY_BASE_URL}; empty: none is
 *     created
 */
@Validated
@ConfigurationProperties("smsportal.endpoints")
record EndpointProperties(@NotNull String initialName, @DefaultValue("") String initialBaseUrl) {}
