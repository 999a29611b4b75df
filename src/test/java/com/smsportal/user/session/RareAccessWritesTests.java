package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.user.session.RareAccessWrites.RareAccessSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session's own JDBC store on the portal's session tables (V27, an in-memory H2): a request
 * that changes nothing in its session writes nothing unless its stored last access is a minute old,
 * and a session still ends after its idle timeout, at most a minute early.
 */
class RareAccessWritesTests {

  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger reads = new AtomicInteger();
  RareAccessWrites sessions;
  JdbcTemplate database;

  @BeforeEach
  void store() throws Exception {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:rare-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(
          connection, new ClassPathResource("db/migration/V27__spring_session.sql"));
    }
    JdbcTemplate counting =
        new JdbcTemplate(database) {
          @Override
          public int update(String sql, PreparedStatementSetter setter) {
            writes.incrementAndGet();
            return super.update(sql, setter);
          }

          @Override
          public <T> T query(
              String sql, PreparedStatementSetter setter, ResultSetExtractor<T> extractor) {
            reads.incrementAndGet();
            return super.query(sql, setter, extractor);
          }
        };
    this.database = new JdbcTemplate(database);
    JdbcIndexedSessionRepository jdbc =
        new JdbcIndexedSessionRepository(
            counting, new TransactionTemplate(new JdbcTransactionManager(database)));
    jdbc.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
    sessions = new RareAccessWrites(jdbc);
  }

  @Test
  void aRequestWritesTheSessionOnlyForAChangeOrALastAccessAMinuteOld() {
    Instant signedIn = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(10));
    String id = saved(signedIn);

    assertThat(writesOfARequestAt(id, signedIn.plusSeconds(30))).as("30 s later").isZero();
    assertThat(writesOfARequestAt(id, signedIn.plusSeconds(59))).as("59 s later").isZero();
    assertThat(sessions.findById(id).getLastAccessedTime()).isEqualTo(signedIn);

    assertThat(writesOfARequestAt(id, signedIn.plusSeconds(60))).as("a minute later").isOne();
    assertThat(sessions.findById(id).getLastAccessedTime()).isEqualTo(signedIn.plusSeconds(60));
    assertThat(writesOfARequestAt(id, signedIn.plusSeconds(90))).as("30 s after that").isZero();

    // A change is written at once, and the request's access with it.
    RareAccessSession session = sessions.findById(id);
    session.setLastAccessedTime(signedIn.plusSeconds(100));
    session.setAttribute("flash", "saved");
    writes.set(0);
    sessions.save(session);
    assertThat(writes.get()).as("an attribute set").isPositive();
    RareAccessSession read = sessions.findById(id);
    assertThat(read.<String>getAttribute("flash")).isEqualTo("saved");
    assertThat(read.getLastAccessedTime()).isEqualTo(signedIn.plusSeconds(100));
  }

  @Test
  void aSessionStillEndsAfterItsIdleTimeoutAtMostAMinuteEarly() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String id = saved(now.minusSeconds(50));
    assertThat(writesOfARequestAt(id, now)).as("its last request, 50 s later").isZero();

    // Every node ends the session by its stored access (on reading it, and the clean-up by this).
    Instant ends =
        Instant.ofEpochMilli(
            database.queryForObject(
                "select EXPIRY_TIME from SPRING_SESSION where SESSION_ID = ?", Long.class, id));
    assertThat(ends).isEqualTo(now.minusSeconds(50).plus(Duration.ofMinutes(30)));
    assertThat(ends).isBetween(now.plus(Duration.ofMinutes(29)), now.plus(Duration.ofMinutes(30)));
  }

  /**
   * Two requests of one session that both store an attribute the session did not have (each an
   * INSERT): the later one is written over the earlier one, as a change is, instead of failing on
   * the store's primary key (issue 27).
   */
  @Test
  void twoRequestsStoringTheSameNewAttributeAtOnceBothSucceedAndTheLaterWins() {
    String id = saved(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    RareAccessSession first = sessions.findById(id);
    RareAccessSession second = sessions.findById(id);
    first.setAttribute("activity", 1L);
    second.setAttribute("activity", 2L);
    second.removeAttribute("user");

    sessions.save(first);
    sessions.save(second);

    RareAccessSession read = sessions.findById(id);
    assertThat(read.<Long>getAttribute("activity")).isEqualTo(2L);
    assertThat(read.<String>getAttribute("user")).as("removed by the later").isNull();
  }

  /**
   * Spring Session commits a page's session twice (when the response is committed and when its
   * filter ends) and reads it again for the second: the store reads it once per request, and the
   * next request reads what is stored, changed meanwhile by another node.
   */
  @Test
  void aRequestReadsItsSessionOnceThoughItIsCommittedTwice() {
    String id = saved(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    reads.set(0);

    RareAccessWrites.requestStarts();
    RareAccessSession session = sessions.findById(id);
    session.setAttribute("flash", "saved");
    sessions.save(session); // the response is committed
    assertThat(sessions.findById(id)).as("read again by the filter's end").isSameAs(session);
    sessions.save(session);
    RareAccessWrites.requestEnds();
    assertThat(reads.get()).as("session reads of one request").isOne();

    // Another node changes the session between two requests: the next one reads the store.
    database.update(
        "update SPRING_SESSION set MAX_INACTIVE_INTERVAL = 60 where SESSION_ID = ?", id);
    RareAccessWrites.requestStarts();
    RareAccessSession next = sessions.findById(id);
    RareAccessWrites.requestEnds();
    assertThat(reads.get()).isEqualTo(2);
    assertThat(next.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(next.<String>getAttribute("flash")).isEqualTo("saved");

    // Outside a request (a background task), each read reads the store.
    sessions.save(next);
    sessions.findById(id);
    assertThat(reads.get()).isEqualTo(3);
  }

  @AfterEach
  void noRequestLeftOpen() {
    RareAccessWrites.requestEnds();
  }

  private String saved(Instant lastAccess) {
    RareAccessSession session = sessions.createSession();
    session.setLastAccessedTime(lastAccess);
    session.setAttribute("user", "acme");
    sessions.save(session);
    return session.getId();
  }

  /** What Spring Session's filter does on a request that changes nothing: its statements. */
  private int writesOfARequestAt(String id, Instant at) {
    RareAccessSession session = sessions.findById(id);
    session.setLastAccessedTime(at);
    writes.set(0);
    sessions.save(session);
    return writes.get();
  }
}
