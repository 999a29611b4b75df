package com.smsportal.sending.compose;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The compose page's settings ({@link ComposeProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComposeProperties.class)
class ComposeConfiguration {}
