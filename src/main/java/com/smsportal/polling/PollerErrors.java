package com.smsportal.polling;

import com.smsportal.gateway.GatewayException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A poller's last error as the pollers page shows it: a sentence of the bundles for its code
 * ({@code gateway.problem.<CODE>} for the gateway's errors, {@code pollers.error.<CODE>} for the
 * poller's own), then the gateway's own text once. Stored as {@code CODE} or {@code CODE: text};
 * rows stored before carried the code twice ({@code CODE: CODE: text}), shown the same way.
 */
@Component("pollerErrors")
public class PollerErrors {

  private static final Pattern CODED = Pattern.compile("([A-Z][A-Z_]+)(.*)", Pattern.DOTALL);

  /** What the page shows: the sentence, and the gateway's own text (or null). */
  public record Shown(String sentence, String gatewayText) {}

  /** The code of an answer that could not be read, kept in the inbox: its text is the inbox id. */
  static final String UNREADABLE = "UNREADABLE_ANSWER";

  private final MessageSource messages;

  PollerErrors(MessageSource messages) {
    this.messages = messages;
  }

  /** The stored form of a gateway error: its code, then what the gateway said, if anything. */
  static String stored(GatewayException e) {
    String code = e.error().name();
    String message = e.getMessage() == null ? "" : e.getMessage();
    String rest = message.startsWith(code) ? message.substring(code.length()) : ": " + message;
    rest = rest.startsWith(":") ? rest.substring(1).strip() : rest.strip();
    return rest.isEmpty() ? code : code + ": " + rest;
  }

  public Shown of(String stored) {
    return of(stored, LocaleContextHolder.getLocale());
  }

  Shown of(String stored, Locale locale) {
    if (stored == null) {
      return null;
    }
    Matcher m = CODED.matcher(stored);
    if (!m.matches()) {
      return new Shown(stored, null);
    }
    String code = m.group(1);
    String rest = m.group(2).strip();
    rest = rest.startsWith(":") ? rest.substring(1).strip() : rest;
    if (code.equals(UNREADABLE)) { // its text is the number of the answer kept, ours to word
      return new Shown(
          messages.getMessage("pollers.error." + code, new Object[] {rest}, locale), null);
    }
    String sentence =
        messages.getMessage(
            "gateway.problem." + code,
            null,
            messages.getMessage("pollers.error." + code, null, null, locale),
            locale);
    if (sentence == null) {
      return new Shown(stored, null);
    }
    if (rest.startsWith(code)) { // stored before: the code twice
      rest = rest.substring(code.length()).strip();
      rest = rest.startsWith(":") ? rest.substring(1).strip() : rest;
    }
    return new Shown(sentence, rest.isEmpty() ? null : rest);
  }
}
