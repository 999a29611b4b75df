package com.smsportal.notifications.preference;

import com.smsportal.notifications.NoticeKind;
import com.smsportal.notifications.preference.Preferences.Preference;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The preferences form as typed: per kind {@code APP} (in-app only) or {@code MAIL} (in-app and
 * e-mail), the field named after the kind; {@code email}; {@code language}. Read against the kinds
 * the user receives; what is wrong is a message key next to its field.
 */
record PreferenceForm(Map<NoticeKind, Boolean> mail, String email, String language) {

  static final String MAIL = "MAIL";
  static final String APP = "APP";

  /** A plain address: something, one @, a domain with a dot; no spaces. */
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]{1,64}@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]{2,63}");

  static PreferenceForm of(List<NoticeKind> kinds, Preference stored) {
    Map<NoticeKind, Boolean> mail = new LinkedHashMap<>();
    kinds.forEach(k -> mail.put(k, stored.mailKinds().contains(k)));
    return new PreferenceForm(
        mail, stored.email() == null ? "" : stored.email(), stored.language());
  }

  static PreferenceForm read(List<NoticeKind> kinds, Function<String, String> parameter) {
    Map<NoticeKind, Boolean> mail = new LinkedHashMap<>();
    kinds.forEach(k -> mail.put(k, MAIL.equals(parameter.apply(k.name()))));
    String email = parameter.apply("email");
    String language = parameter.apply("language");
    return new PreferenceForm(
        mail, email == null ? "" : email.strip(), language == null ? "" : language.strip());
  }

  /** Field to message key; empty when the form may be saved. */
  Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (email.isEmpty()) {
      if (mail.containsValue(Boolean.TRUE)) {
        errors.put("email", "notifications.prefs.email.required");
      }
    } else if (email.length() > 254 || !ADDRESS.matcher(email).matches()) {
      errors.put("email", "notifications.prefs.email.invalid");
    }
    if (!Preferences.LANGUAGES.contains(language)) {
      errors.put("language", "notifications.prefs.language.invalid");
    }
    return errors;
  }

  Preference preference() {
    Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
    mail.forEach(
        (kind, on) -> {
          if (on) {
            kinds.add(kind);
          }
        });
    return new Preference(kinds, email.isEmpty() ? null : email, language);
  }
}
