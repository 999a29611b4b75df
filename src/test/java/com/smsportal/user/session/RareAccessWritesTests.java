package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.user.session.RareAccessWrites.RareAccessSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
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
