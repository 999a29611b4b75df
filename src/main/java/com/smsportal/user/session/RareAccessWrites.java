package com.smsportal.user.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, with a session's last access written at most once a minute (issue 27).
 *
 * <p>Spring Session marks a session changed at every request, for its last access alone, and its
 * JDBC store then updates the session's row and commits at the end of every request: a write per
 * page view, for nothing a user can see. Here a request's access is passed on to the stored session
 * only when the stored one is at least {@link #EVERY} old; attribute changes (sign-in, CSRF token,
 * a visit to a tenant) are written as before, and with them the access. So a session still ends
 * after its idle timeout: its stored last access is less than a minute older than its real one, so
 * it ends between the idle timeout less a minute and the idle timeout after its last request (30
 * minutes by default: between 29 and 30). Its absolute lifetime, and ending a user's sessions
 * everywhere, do not depend on the last access and are unchanged.
 */
final class RareAccessWrites
    implements FindByIndexNameSessionRepository<RareAccessWrites.RareAccessSession> {

  /** How stale a stored last access may get before a request writes it. */
  static final Duration EVERY = Duration.ofMinutes(1);

  /**
   * The sessions saved during the request this thread serves, by id; absent outside a request
   * ({@link #requestStarts}, {@link #requestEnds}).
   */
  private static final ThreadLocal<Map<String, RareAccessSession>> SAVED_IN_REQUEST =
      new ThreadLocal<>();

  private final FindByIndexNameSessionRepository<Session> stored;

  @SuppressWarnings("unchecked")
  RareAccessWrites(FindByIndexNameSessionRepository<? extends Session> stored) {
    this.stored = (FindByIndexNameSessionRepository<Session>) stored;
  }

  @Override
  public RareAccessSession createSession() {
    return new RareAccessSession(stored.createSession());
  }

  /**
   * Saves the session; an attribute this request stored first while another request of the same
   * session did too (each an INSERT: a duplicate key for the later one) is written again over the
   * other's, as a change to a stored attribute is (issue 27: 32 tabs at once on a new session all
   * answered 500 but one).
   */
  @Override
  public void save(RareAccessSession session) {
    try {
      stored.save(session.stored);
      Map<String, RareAccessSession> saved = SAVED_IN_REQUEST.get();
      if (saved != null) {
        saved.put(session.getId(), session);
      }
    } catch (DuplicateKeyException raced) {
      Session now = stored.findById(session.getId());
      if (now == null) {
        throw raced;
      }
      for (String name : session.changed) {
        Object value = session.stored.getAttribute(name);
        if (value == null) {
          now.removeAttribute(name);
        } else {
          now.setAttribute(name, value);
        }
      }
      now.setMaxInactiveInterval(session.getMaxInactiveInterval());
      now.setLastAccessedTime(session.stored.getLastAccessedTime());
      stored.save(now);
    }
  }

  /**
   * The stored session; within a request that has saved it already, the one it saved, unread.
   *
   * <p>Spring Session commits a request's session twice, when the response is committed and when
   * its filter ends, and the second commit reads the session again only to learn the id the request
   * asked for (spring-session#1731): a second session query per page. Once a request has saved its
   * session, every later use of it in the request goes through the session it holds, never through
   * this, so that read is the only one this saves.
   */
  @Override
  public RareAccessSession findById(String id) {
    Map<String, RareAccessSession> saved = SAVED_IN_REQUEST.get();
    RareAccessSession justSaved = saved == null ? null : saved.remove(id);
    if (justSaved != null) {
      return justSaved;
    }
    Session session = stored.findById(id);
    return session == null ? null : new RareAccessSession(session);
  }

  @Override
  public void deleteById(String id) {
    stored.deleteById(id);
  }

  @Override
  public Map<String, RareAccessSession> findByIndexNameAndIndexValue(
      String indexName, String indexValue) {
    Map<String, RareAccessSession> found = new LinkedHashMap<>();
    stored
        .findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, session) -> found.put(id, new RareAccessSession(session)));
    return found;
  }

  /** A request begins on this thread (a servlet container's dispatch). */
  static void requestStarts() {
    SAVED_IN_REQUEST.set(new HashMap<>());
  }

  /** The request this thread served has ended: the next read of any session reads the store. */
  static void requestEnds() {
    SAVED_IN_REQUEST.remove();
  }

  /** A stored session whose last access reaches the store at most once per {@link #EVERY}. */
  static final class RareAccessSession implements Session {

    private final Session stored;
    private final Set<String> changed = new HashSet<>();
    private Instant accessed;

    RareAccessSession(Session stored) {
      this.stored = stored;
      this.accessed = stored.getLastAccessedTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      accessed = lastAccessedTime;
      // A request's access within a minute after the stored one stays here; any other (a later
      // one, or a move back by an administrator's tool or a test) is written.
      Instant written = stored.getLastAccessedTime();
      if (lastAccessedTime.isBefore(written) || !written.plus(EVERY).isAfter(lastAccessedTime)) {
        stored.setLastAccessedTime(lastAccessedTime);
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return accessed;
    }

    @Override
    public void setAttribute(String name, Object value) {
      // A write anyway: the access goes with it.
      stored.setLastAccessedTime(accessed);
      stored.setAttribute(name, value);
      changed.add(name);
    }

    @Override
    public void removeAttribute(String name) {
      stored.setLastAccessedTime(accessed);
      stored.removeAttribute(name);
      changed.add(name);
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return stored.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    /** Expired as the store sees it: what every node decides by. */
    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
