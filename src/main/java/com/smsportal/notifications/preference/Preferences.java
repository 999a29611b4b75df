package com.smsportal.notifications.preference;

import com.smsportal.notifications.NoticeKind;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choices ({@code notice_preference}): the kinds also mailed, the address and the
 * mails' language. A user who never chose has the defaults: in-app only for every kind, no address,
 * Chinese.
 */
@Service
public class Preferences {

  /** The languages a mail can be written in; the first is the default. */
  public static final List<String> LANGUAGES = List.of("zh-CN", "en");

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  Preferences(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A user's choices. */
  public record Preference(Set<NoticeKind> mailKinds, String email, String language) {

    public static final Preference DEFAULTS =
        new Preference(EnumSet.noneOf(NoticeKind.class), null, LANGUAGES.get(0));

    /** Whether a notice of this kind is also mailed (only with an address). */
    public boolean mails(NoticeKind kind) {
      return email != null && !email.isBlank() && mailKinds.contains(kind);
    }
  }

  @Transactional(readOnly = true)
  public Preference of(long userId) {
    return of(List.of(userId)).getOrDefault(userId, Preference.DEFAULTS);
  }

  /** The choices of these users; a user without a row is left out (the defaults). */
  @Transactional(readOnly = true)
  public Map<Long, Preference> of(Collection<Long> userIds) {
    Map<Long, Preference> found = new HashMap<>();
    if (userIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        "select user_id, mail_kinds, email, language from notice_preference"
            + " where user_id in (:ids)",
        Map.of("ids", userIds),
        rs -> {
          found.put(
              rs.getLong(1),
              new Preference(kinds(rs.getString(2)), rs.getString(3), rs.getString(4)));
        });
    return found;
  }

  @Transactional
  public void save(long userId, Preference preference) {
    Map<String, Object> row = new HashMap<>();
    row.put("user", userId);
    row.put(
        "kinds",
        preference.mailKinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    row.put("email", preference.email());
    row.put("language", preference.language());
    row.put("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    int updated =
        jdbc.update(
            "update notice_preference set mail_kinds = :kinds, email = :email,"
                + " language = :language, updated_at = :at where user_id = :user",
            row);
    if (updated == 0) {
      jdbc.update(
          "insert into notice_preference (user_id, mail_kinds, email, language, updated_at)"
              + " values (:user, :kinds, :email, :language, :at)",
          row);
    }
  }

  private static Set<NoticeKind> kinds(String stored) {
    Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
    Arrays.stream(stored.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(
            name -> {
              try {
                kinds.add(NoticeKind.valueOf(name));
              } catch (IllegalArgumentException retired) {
                // A kind that no longer exists: nothing to mail.
              }
            });
    return kinds;
  }
}
