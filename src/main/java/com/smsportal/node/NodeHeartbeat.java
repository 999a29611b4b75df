package com.smsportal.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This node's heartbeat in the database ({@code node_heartbeat}), and what the other nodes' beats
 * say about them. At start the node's row gets a new start count and start time; then a thread of
 * its own (not the shared scheduler, so that busy jobs never delay it) writes {@code beat_at} every
 * {@code smsportal.node.heartbeat-every}. Every time is the database's clock, compared only in SQL:
 * a node whose last beat is older than {@code smsportal.node.dead-after} by the database's clock is
 * dead, whatever the clocks of the machines say.
 *
 * <p>A node that cannot beat must not go on as if it were alive: others take it for dead after
 * {@code dead-after} and take over its work. {@link #beatingWithin} lets its own work check that
 * its last beat went through recently enough before it starts something another node could take
 * over (a submit).
 */
public class NodeHeartbeat implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

  /** Another node as its last beat shows it. */
  public record Node(String id, long startCount, boolean dead) {}

  private final JdbcTemplate jdbc;
  private final NodeIdentity node;
  private final Duration every;
  private final Duration deadAfter;
  private final ScheduledExecutorService beats;
  private final LongSupplier nanoTime;
  private volatile long startCount;
  private volatile long lastBeatNanos;
  // Whether the last write of the beat went through (none yet: false), whoever wrote it.
  private volatile boolean lastWriteTaken;

  public NodeHeartbeat(JdbcTemplate jdbc, NodeIdentity node, Duration every, Duration deadAfter) {
    this(jdbc, node, every, deadAfter, System::nanoTime);
  }

  NodeHeartbeat(
      JdbcTemplate jdbc,
      NodeIdentity node,
      Duration every,
      Duration deadAfter,
      LongSupplier nanoTime) {
    if (deadAfter.compareTo(every.multipliedBy(3)) < 0) {
      throw new IllegalStateException(
          "smsportal.node.dead-after ("
              + deadAfter
              + ") must be at least three heartbeats (smsportal.node.heartbeat-every "
              + every
              + "): one late beat must not make a live node dead");
    }
    this.jdbc = jdbc;
    this.node = node;
    this.every = every;
    this.deadAfter = deadAfter;
    this.nanoTime = nanoTime;
    this.beats =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "node-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Registers this start of the node before any of its work runs, then beats. */
  @Override
  public void afterPropertiesSet() {
    int updated =
        jdbc.update(
            "update node_heartbeat set start_count = start_count + 1,"
                + " started_at = CURRENT_TIMESTAMP(3), beat_at = CURRENT_TIMESTAMP(3)"
                + " where node_id = ?",
            node.id());
    if (updated == 0) {
      // Two starts of one node id at once are impossible (the data directory's lock).
      jdbc.update(
          "insert into node_heartbeat (node_id, start_count, started_at, beat_at)"
              + " values (?, 1, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))",
          node.id());
    }
    startCount =
        jdbc.queryForObject(
            "select start_count from node_heartbeat where node_id = ?", Long.class, node.id());
    lastBeatNanos = nanoTime.getAsLong();
    lastWriteTaken = true;
    log.info("Node {} started (start {} of this node id)", node.id(), startCount);
    beats.scheduleWithFixedDelay(
        this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void beat() {
    try {
      beatNow();
    } catch (DataAccessException e) {
      log.warn("This node's heartbeat could not be written: {}", e.getMessage());
    }
  }

  /**
   * Writes this node's beat now and commits it: what the health check asks of the database (a
   * commit that must reach the disk, which a read answered from a cache does not prove).
   *
   * @throws DataAccessException if the database did not take it
   */
  void beatNow() {
    long before = nanoTime.getAsLong();
    int updated;
    try {
      updated =
          jdbc.update(
              "update node_heartbeat set beat_at = CURRENT_TIMESTAMP(3) where node_id = ?",
              node.id());
    } catch (DataAccessException e) {
      lastWriteTaken = false;
      throw e;
    }
    if (updated != 1) {
      lastWriteTaken = false;
      throw new org.springframework.dao.IncorrectResultSizeDataAccessException(1, updated);
    }
    lastBeatNanos = before;
    lastWriteTaken = true;
  }

  /**
   * Whether the last write of this node's beat went through and began less than one {@code
   * heartbeat-every} ago: what the health check takes as proof that the database takes writes, in
   * place of a write of its own (issue 27). A failed write, by the heartbeat thread or the health
   * check, makes it false at once; a database that breaks silently is found by the next write, at
   * most one {@code heartbeat-every} later.
   */
  boolean wroteWithinOneBeat() {
    return lastWriteTaken && nanoTime.getAsLong() - lastBeatNanos < every.toNanos();
  }

  Duration every() {
    return every;
  }

  /** This node's start count: what its claims record, so that a restart is seen as one. */
  public long startCount() {
    return startCount;
  }

  public Duration deadAfter() {
    return deadAfter;
  }

  /**
   * Whether this node's last written beat began less than {@code within} ago: if not, others may
   * soon take it for dead, and it should not begin what they would then take over.
   */
  public boolean beatingWithin(Duration within) {
    return nanoTime.getAsLong() - lastBeatNanos < within.toNanos();
  }

  /** Every node that ever beat, with whether it is dead now by the database's clock. */
  public List<Node> nodes() {
    return jdbc.query(
        "select node_id, start_count, case when beat_at < TIMESTAMPADD(MICROSECOND, ?,"
            + " CURRENT_TIMESTAMP(3)) then 1 else 0 end as dead from node_heartbeat",
        (rs, row) -> new Node(rs.getString(1), rs.getLong(2), rs.getInt(3) == 1),
        -deadAfter.toNanos() / 1000);
  }

  /**
   * Records whether this node polls the gateways now (its poller starts or stops), so that the
   * pollers of the other nodes count it, or stop counting it, when they share out the due accounts.
   */
  public void polling(boolean polls) {
    jdbc.update("update node_heartbeat set polls = ? where node_id = ?", polls, node.id());
  }

  /**
   * The ids of the nodes that poll and are alive by the rule of {@link #nodes()}: a beat within
   * {@code dead-after} by the database's clock. One query.
   */
  public List<String> livePollers() {
    return jdbc.queryForList(
        "select node_id from node_heartbeat where polls = TRUE and beat_at >="
            + " TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3))",
        String.class,
        -deadAfter.toNanos() / 1000);
  }

  /** Stops beating (the context closes): if the node never comes back, it is dead soon. */
  @Override
  public void destroy() {
    beats.shutdownNow();
  }
}
