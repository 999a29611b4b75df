package com.smsportal.replies;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The replies' settings ({@code smsportal.replies.*}); the values are in application.properties.
 *
 * @param optOutWords a reply whose whole text is one of these puts its number on the opt-out list
 *     (see {@link OptOutWords})
 */
@ConfigurationProperties("smsportal.replies")
record RepliesProperties(List<String> optOutWords) {}
