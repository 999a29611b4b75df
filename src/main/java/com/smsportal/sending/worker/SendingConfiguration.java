package com.smsportal.sending.worker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The send worker's settings ({@link SendingProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SendingProperties.class)
class SendingConfiguration {}
