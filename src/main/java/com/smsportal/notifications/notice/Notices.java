package com.smsportal.notifications.notice;

import com.smsportal.notifications.NoticeKind;
import com.smsportal.notifications.preference.MailSwitch;
import com.smsportal.notifications.preference.Preferences;
import com.smsportal.notifications.preference.Preferences.Preference;
import com.smsportal.web.KeysetList;
import com.smsportal.web.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The notices: written for their recipients (with a mail in the outbox for those who chose mail for
 * the kind, while mail is on), in the caller's transaction; read and marked read by their own user
 * only. Plain SQL, every statement bound to a user id.
 */
@Service
public class Notices {

  private final JdbcTemplate jdbc;
  private final Preferences preferences;
  private final MailSwitch mail;
  private final Clock clock;

  Notices(JdbcTemplate jdbc, Preferences preferences, MailSwitch mail, Clock clock) {
    this.jdbc = jdbc;
    this.preferences = preferences;
    this.mail = mail;
    this.clock = clock;
  }

  /** A notice as its page shows it. */
  public record Notice(
      long id, NoticeKind kind, String params, String link, Instant createdAt, Instant readAt)
      implements KeysetList.Row {

    @Override
    public PageCursor cursor() {
      return new PageCursor(createdAt, id);
    }

    public boolean unread() {
      return readAt == null;
    }
  }

  /**
   * Writes one notice for each user (and its mail, if the user chose mail for the kind and mail is
   * on); the values are the sentence's, in order. Returns how many notices.
   */
  public int notify(NoticeKind kind, Collection<Long> userIds, String link, List<?> values) {
    if (userIds.isEmpty()) {
      return 0;
    }
    String params = NoticeText.encode(values);
    LocalDateTime now = utc(clock.instant());
    Map<Long, Preference> chosen = mail.on() ? preferences.of(userIds) : Map.of();
    List<Object[]> mails = new ArrayList<>();
    for (long user : userIds) {
      KeyHolder key = new GeneratedKeyHolder();
      jdbc.update(
          c -> {
            var insert =
                c.prepareStatement(
                    "insert into notice (user_id, kind, params, link, created_at)"
                        + " values (?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setLong(1, user);
            insert.setString(2, kind.name());
            insert.setString(3, params);
            insert.setString(4, link);
            insert.setObject(5, now);
            return insert;
          },
          key);
      Preference preference = chosen.get(user);
      if (preference != null && preference.mails(kind)) {
        mails.add(
            new Object[] {
              key.getKey().longValue(), preference.email(), preference.language(), now
            });
      }
    }
    if (!mails.isEmpty()) {
      jdbc.batchUpdate(
          "insert into notice_mail (notice_id, address, language, state, attempts, created_at,"
              + " next_attempt_at) values (?, ?, ?, 'PENDING', 0, ?, ?)",
          mails.stream().map(m -> new Object[] {m[0], m[1], m[2], m[3], m[3]}).toList());
    }
    return userIds.size();
  }

  /**
   * Records an episode of something that is told once (an account gone silent since its last
   * successful poll); false if it was recorded before, by this node or another.
   */
  public boolean firstOf(NoticeKind kind, long subject, String episode) {
    try {
      return jdbc.update(
              "insert into notice_episode (kind, subject, episode, created_at) select ?, ?, ?, ?"
                  + " from (select 1 as one) x where not exists (select 1 from notice_episode"
                  + " where kind = ? and subject = ? and episode = ?)",
              kind.name(),
              subject,
              episode,
              utc(clock.instant()),
              kind.name(),
              subject,
              episode)
          == 1;
    } catch (DuplicateKeyException another) {
      return false;
    }
  }

  public long unread(long userId) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from notice where user_id = ? and read_at is null",
            Long.class,
            userId);
    return n == null ? 0 : n;
  }

  /** At most {@code limit} of the user's notices older than {@code before}, newest first. */
  List<Notice> page(long userId, boolean unreadOnly, PageCursor before, int limit) {
    String unread = unreadOnly ? " and read_at is null" : "";
    if (before == null) {
      return jdbc.query(
          "select id, kind, params, link, created_at, read_at from notice where user_id = ?"
              + unread
              + " order by created_at desc, id desc limit ?",
          Notices::row,
          userId,
          limit);
    }
    LocalDateTime at = utc(before.time());
    return jdbc.query(
        "select id, kind, params, link, created_at, read_at from notice where user_id = ?"
            + unread
            + " and (created_at < ? or (created_at = ? and id < ?))"
            + " order by created_at desc, id desc limit ?",
        Notices::row,
        userId,
        at,
        at,
        before.id(),
        limit);
  }

  /** Marks the user's notice read; false if the user has no such notice. */
  boolean markRead(long userId, long id) {
    jdbc.update(
        "update notice set read_at = ? where id = ? and user_id = ? and read_at is null",
        utc(clock.instant()),
        id,
        userId);
    Long n =
        jdbc.queryForObject(
            "select count(*) from notice where id = ? and user_id = ?", Long.class, id, userId);
    return n != null && n > 0;
  }

  int markAllRead(long userId) {
    return jdbc.update(
        "update notice set read_at = ? where user_id = ? and read_at is null",
        utc(clock.instant()),
        userId);
  }

  private static Notice row(ResultSet rs, int n) throws SQLException {
    LocalDateTime read = rs.getObject(6, LocalDateTime.class);
    return new Notice(
        rs.getLong(1),
        NoticeKind.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
        read == null ? null : read.toInstant(ZoneOffset.UTC));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
