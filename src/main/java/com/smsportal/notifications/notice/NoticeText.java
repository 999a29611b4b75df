package com.smsportal.notifications.notice;

import com.smsportal.notifications.NoticeKind;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice's sentence in a language, from its kind and stored values: {@code notice.<kind>.text}
 * for the page and the mail's body, {@code notice.<kind>.subject} for the mail's subject; the
 * values are shown as stored (an id is not grouped into thousands). A job that finished with chunks
 * of unknown outcome (its second value not 0) has sentences of its own ({@code
 * notice.job-finished.unknown.*}).
 */
@Component
public class NoticeText {

  /** The separator of a notice's stored values (U+001F, never typed). */
  static final String SEPARATOR = "\u001F";

  private final MessageSource messages;

  NoticeText(MessageSource messages) {
    this.messages = messages;
  }

  public String text(NoticeKind kind, String params, Locale locale) {
    Object[] args = args(params);
    return messages.getMessage(key(kind, args) + ".text", args, locale);
  }

  public String subject(NoticeKind kind, String params, Locale locale) {
    Object[] args = args(params);
    return messages.getMessage(key(kind, args) + ".subject", args, locale);
  }

  /** Any other sentence of the notices' bundle. */
  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String key(NoticeKind kind, Object[] args) {
    boolean unknown = kind == NoticeKind.JOB_FINISHED && args.length > 1 && !"0".equals(args[1]);
    return "notice." + kind.key() + (unknown ? ".unknown" : "");
  }

  static String encode(List<?> values) {
    StringBuilder out = new StringBuilder();
    for (Object value : values) {
      if (!out.isEmpty()) {
        out.append(SEPARATOR);
      }
      out.append(value == null ? "" : String.valueOf(value).replace(SEPARATOR, " "));
    }
    return out.toString();
  }

  static Object[] args(String params) {
    if (params == null || params.isEmpty()) {
      return new Object[0];
    }
    return params.split(SEPARATOR, -1);
  }
}
