package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.user.session.RareAccessWrites.RareAccessSession;
import java.time.Duration;
import java.time.Instant;
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
    JdbcIndexedSessionRepository jdbc =
        new JdbcIndexedSessionRepository(
            counting, new TransactionTemplate(new JdbcTransactionManager(database)));
    jdbc.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
    sessions = new RareAccessWrites(jdbc);
  }

  @Test
  void aRequestWritesTheSessionOnlyForAChangeOrALastAccessAMinuteOld() {
    Instant signedIn = Instant.now().minus(Duration.ofMinutes(10));
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
  void aSessionEndsAfterItsIdleTimeoutAtMostAMinuteEarly() {
    Instant now = Instant.now();
    // Last request 29 min 15 s ago, 55 s after the access last written: over 29 minutes idle, so
    // it may end, and its stored access (30 min 10 s ago) ends it.
    String idle = saved(now.minus(Duration.ofSeconds(30 * 60 + 10)));
    assertThat(writesOfARequestAt(idle, now.minus(Duration.ofSeconds(29 * 60 + 15)))).isZero();
    assertThat(sessions.findById(idle)).as("idle 29 min 15 s").isNull();

    // Last request 28 min 50 s ago (its stored access 29 min 45 s ago): not yet 29 minutes idle,
    // so it must live.
    String busy = saved(now.minus(Duration.ofSeconds(29 * 60 + 45)));
    assertThat(writesOfARequestAt(busy, now.minus(Duration.ofSeconds(28 * 60 + 50)))).isZero();
    assertThat(sessions.findById(busy)).as("idle 28 min 50 s").isNotNull();
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
