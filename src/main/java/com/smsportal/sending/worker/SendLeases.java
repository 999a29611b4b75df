package com.smsportal.sending.worker;

import com.smsportal.gateway.GatewaySettings;
import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each gateway account's send lease ({@code send_lease}): the one node that may submit the
 * account's chunks now. Every time is the database's clock, compared only in SQL.
 *
 * <p>What holds across all nodes on one database, for each account:
 *
 * <ul>
 *   <li>One holder at a time: a node takes a lease only if it is free, expired, its own, or held by
 *       a node that is dead (no heartbeat for {@code smsportal.node.dead-after}); the take is one
 *       transaction that locks the free rows with {@code SELECT … FOR UPDATE SKIP LOCKED}, so nodes
 *       choosing at the same moment get different accounts and never wait for each other.
 *   <li>Before each submit its holder renews the lease ({@code smsportal.sending.lease-for} from
 *       now) and records the submit's start in one conditional UPDATE that succeeds only if it
 *       still holds the lease and the account's last submit, by any node, began at least 1 / {@code
 *       smsportal.sending.submits-per-second} ago. So submits of one account start at most that
 *       often across the cluster, a handover included, and a submit begins only under a lease that
 *       lasts {@code lease-for} beyond it: longer than a call can take (it is never shorter than
 *       the gateway's connect plus read timeout and 10 s), hence one submit in flight per account.
 *   <li>The limit: a holder that is alive but whose heartbeat has not reached the database for
 *       {@code dead-after} is taken for dead, and another node may start a submit of the account
 *       while the first one's call is still under way. The worker narrows this: it starts no submit
 *       unless its own last beat went through within half of {@code dead-after}.
 * </ul>
 */
@Component
class SendLeases {

  /** What the holder may do about its next submit. */
  enum Submit {
    /** The lease is renewed and this submit's start recorded: go. */
    GO,
    /** The account's previous submit began less than the rate's interval ago: wait a little. */
    TOO_SOON,
    /** The lease is no longer this node's: stop the turn. */
    LOST
  }

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate tx;
  private final NodeIdentity node;
  private final NodeHeartbeat heartbeat;
  private final long leaseMicros;
  private final long spacingMicros;

  @Autowired
  SendLeases(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      NodeIdentity node,
      NodeHeartbeat heartbeat,
      SendingProperties properties,
      GatewaySettings gateway) {
    this(
        jdbc,
        tx,
        node,
        heartbeat,
        atLeast(properties.leaseFor(), gateway.connectTimeout().plus(gateway.readTimeout())),
        properties.submitsPerSecond());
  }

  SendLeases(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      NodeIdentity node,
      NodeHeartbeat heartbeat,
      Duration leaseFor,
      int submitsPerSecond) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.tx = tx;
    this.node = node;
    this.heartbeat = heartbeat;
    this.leaseMicros = leaseFor.toNanos() / 1000;
    this.spacingMicros = 1_000_000L / Math.max(1, submitsPerSecond);
  }

  /**
   * The lease must outlast the longest call, or another node could begin a submit of the account
   * while this one's call is still under way: never shorter than the gateway's connect plus read
   * timeout and ten seconds.
   */
  private static Duration atLeast(Duration leaseFor, Duration longestCall) {
    Duration shortest = longestCall.plusSeconds(10);
    return leaseFor.compareTo(shortest) < 0 ? shortest : leaseFor;
  }

  /** The gap between two submits of one account that the rate asks for. */
  Duration spacing() {
    return Duration.ofNanos(spacingMicros * 1000);
  }

  /**
   * Takes the leases of up to {@code max} of {@code accounts} (in that order of preference) that
   * are free now; returns those taken, in the same order.
   */
  List<Long> acquire(List<Long> accounts, int max) {
    if (accounts.isEmpty() || max <= 0) {
      return List.of();
    }
    ensureRows(accounts);
    List<String> dead =
        heartbeat.nodes().stream()
            .filter(NodeHeartbeat.Node::dead)
            .map(NodeHeartbeat.Node::id)
            .filter(id -> !id.equals(node.id()))
            .toList();
    List<Long> taken =
        tx.execute(
            s -> {
              Set<Long> free =
                  new HashSet<>(
                      named.queryForList(
                          "select account_id from send_lease where account_id in (:accounts)"
                              + " and (owner is null or owner = :me"
                              + " or lease_until < CURRENT_TIMESTAMP(3) or owner in (:dead))"
                              + " for update skip locked",
                          Map.of(
                              "accounts",
                              accounts,
                              "me",
                              node.id(),
                              "dead",
                              dead.isEmpty() ? List.of("") : dead),
                          Long.class));
              List<Long> chosen = new ArrayList<>();
              for (Long account : accounts) {
                if (chosen.size() < max && free.contains(account)) {
                  chosen.add(account);
                }
              }
              if (!chosen.isEmpty()) {
                named.update(
                    "update send_lease set owner = :me,"
                        + " lease_until = TIMESTAMPADD(MICROSECOND, :micros, CURRENT_TIMESTAMP(3))"
                        + " where account_id in (:chosen)",
                    Map.of("me", node.id(), "micros", leaseMicros, "chosen", chosen));
              }
              return chosen;
            });
    return taken == null ? List.of() : taken;
  }

  /** Makes the lease rows of accounts that never had one (each once, whichever node is first). */
  private void ensureRows(Collection<Long> accounts) {
    Set<Long> known =
        new HashSet<>(
            named.queryForList(
                "select account_id from send_lease where account_id in (:accounts)",
                Map.of("accounts", accounts),
                Long.class));
    for (Long account : accounts) {
      if (!known.contains(account)) {
        try {
          jdbc.update(
              "insert into send_lease (account_id, owner, lease_until)"
                  + " values (?, null, CURRENT_TIMESTAMP(3))",
              account);
        } catch (DuplicateKeyException madeByAnotherNode) {
          // Fine: it exists now.
        }
      }
    }
  }

  /**
   * Before a submit: renews this node's lease and records the submit's start, if the rate allows it
   * now (see the class comment).
   */
  Submit beforeSubmit(long accountId) {
    int renewed =
        jdbc.update(
            "update send_lease set lease_until = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3)),"
                + " last_submit_at = CURRENT_TIMESTAMP(3)"
                + " where account_id = ? and owner = ? and (last_submit_at is null"
                + " or last_submit_at <= TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3)))",
            leaseMicros,
            accountId,
            node.id(),
            -spacingMicros);
    if (renewed == 1) {
      return Submit.GO;
    }
    List<String> owner =
        jdbc.queryForList(
            "select owner from send_lease where account_id = ?", String.class, accountId);
    return owner.size() == 1 && node.id().equals(owner.get(0)) ? Submit.TOO_SOON : Submit.LOST;
  }

  /** Ends this node's lease at the end of its turn (the last submit's time stays). */
  void release(long accountId) {
    jdbc.update(
        "update send_lease set owner = null where account_id = ? and owner = ?",
        accountId,
        node.id());
  }

  /** The node holding the account's lease now, if any (for tests and pages). */
  String holder(long accountId) {
    List<String> owner =
        jdbc.queryForList(
            "select owner from send_lease where account_id = ? and lease_until >="
                + " CURRENT_TIMESTAMP(3)",
            String.class,
            accountId);
    return owner.isEmpty() ? null : owner.get(0);
  }
}
