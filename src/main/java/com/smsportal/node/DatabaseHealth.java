package com.smsportal.node;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;

/**
 * The health check's {@code db} component (in place of Spring Boot's, issue 27): the database is UP
 * when it takes a write now, this node's heartbeat, committed. Boot's own check asks the connection
 * whether it is valid, which the embedded H2 answered with yes after its file had been closed under
 * it: reads that its cache could answer still worked, every write and every other read failed, and
 * the portal said UP until it was restarted. A heartbeat is a one-row update of this node's own
 * row, the same the heartbeat thread writes every few seconds.
 *
 * <p>A beat that went through less than one {@code smsportal.node.heartbeat-every} ago (the
 * heartbeat thread's, or a check's) is that proof already: a check then writes nothing (issue 27: a
 * load balancer asks every 2 s, each of its checks was a write). A write that failed since, on
 * either side, is never reused, and a database that broke after the last beat fails the next write,
 * so a broken database is DOWN within one heartbeat interval.
 */
class DatabaseHealth implements HealthIndicator {

  private final NodeHeartbeat heartbeat;

  DatabaseHealth(NodeHeartbeat heartbeat) {
    this.heartbeat = heartbeat;
  }

  @Override
  public Health health() {
    if (heartbeat.wroteWithinOneBeat()) {
      return Health.up()
          .withDetail("check", "heartbeat written within " + heartbeat.every())
          .build();
    }
    try {
      heartbeat.beatNow();
      return Health.up().withDetail("check", "heartbeat written").build();
    } catch (DataAccessException e) {
      // The kind only: a database's message can name the file, the host or the statement.
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
