package com.smsportal.sending.compose;

import com.smsportal.sending.message.SendRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compose page's settings ({@code smsportal.compose.*}), each default written here once.
 *
 * @param warnLength above this many characters the page and the confirmation warn that the text is
 *     long (a 1,126-character text is 17 segments for every number)
 * @param maxLength more characters than this are refused before the confirmation; never more than
 *     {@link SendRules#MAX_CONTENT}
 * @param confirmWithin how long a confirmation page may be confirmed (its staged numbers are kept
 *     that long)
 */
@ConfigurationProperties("smsportal.compose")
record ComposeProperties(
    @DefaultValue("500") int warnLength,
    @DefaultValue("1000") int maxLength,
    @DefaultValue("PT30M") Duration confirmWithin) {

  ComposeProperties {
    maxLength = Math.min(maxLength, SendRules.MAX_CONTENT);
  }
}
