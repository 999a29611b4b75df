package com.smsportal.polling;

import com.smsportal.gatewayaccount.GatewayAccountView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the live pollers polls which due account (issue 27): each node takes at most its share,
 * {@code ceil(due / pollers)}, and every node computes the same answer from the same due accounts
 * and live pollers without asking the others.
 *
 * <p>Rendezvous hashing with bounded loads: an account goes to the node that ranks it highest (a
 * hash of account and node), unless that node already has its share, then to the next. Plain
 * rendezvous hashing keeps an account on its node for as long as the node lives, but splits 30
 * accounts over 3 nodes by chance (5 or 15 happen); the bound makes the split even (10 each), and
 * when a node goes, its accounts go to the others while theirs mostly stay where they were. The
 * lock ({@link PollLocks}) stays the guarantee that one node polls an account at a time: while two
 * nodes' views differ for a moment (a due account or a node seen by one and not yet by the other),
 * an account may be offered to two nodes, and one of them finds it locked; or to none, and it is
 * due again at the next tick.
 */
final class PollShares {

  private PollShares() {}

  /**
   * Of the due accounts (in their order), those {@code me} polls: its own when the {@code
   * scheduled} accounts (the due ones among them) are split among {@code pollers}, and those due
   * since before {@code orphanedBefore} whoever owns them. Alone, every one.
   */
  static List<GatewayAccountView> mine(
      List<GatewayAccountView> due,
      Collection<Long> scheduled,
      Map<Long, PollerStates.State> known,
      Set<String> pollers,
      String me,
      Instant orphanedBefore) {
    if (pollers.size() <= 1) {
      return due;
    }
    Map<Long, String> owners = owners(scheduled, pollers);
    return due.stream()
        .filter(
            a ->
                me.equals(owners.get(a.id()))
                    || dueSince(a, known.get(a.id())).isBefore(orphanedBefore))
        .toList();
  }

  /** When the account came due: its next round's time, or when it was made if never polled. */
  private static Instant dueSince(GatewayAccountView account, PollerStates.State state) {
    return state == null || state.nextPollAt() == null ? account.createdAt() : state.nextPollAt();
  }

  /**
   * The owner of each account among {@code nodes}: the same map on every node given the same
   * accounts and nodes, in whatever order they come. No nodes: an empty map.
   */
  static Map<Long, String> owners(Collection<Long> accounts, Collection<String> nodes) {
    List<String> pollers = new ArrayList<>(new TreeSet<>(nodes));
    Map<Long, String> owners = new HashMap<>();
    if (pollers.isEmpty()) {
      return owners;
    }
    List<Long> sorted = new ArrayList<>(new TreeSet<>(accounts));
    int share = (sorted.size() + pollers.size() - 1) / pollers.size();
    Map<String, Integer> load = new HashMap<>();
    for (long account : sorted) {
      String owner =
          pollers.stream()
              .sorted(
                  Comparator.comparingLong((String node) -> weight(account, node))
                      .reversed()
                      .thenComparing(Comparator.naturalOrder()))
              .filter(node -> load.getOrDefault(node, 0) < share)
              .findFirst()
              .orElseThrow(); // share * pollers >= accounts: some node has room
      load.merge(owner, 1, Integer::sum);
      owners.put(account, owner);
    }
    return owners;
  }

  /** How high a node ranks an account: a well-mixed hash of both, the same in every JVM. */
  static long weight(long account, String node) {
    long h = account * 0x9E3779B97F4A7C15L ^ node.hashCode() * 0xC2B2AE3D27D4EB4FL;
    // MurmurHash3's 64-bit finaliser: every input bit moves every output bit.
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
