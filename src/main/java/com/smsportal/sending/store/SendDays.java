package com.smsportal.sending.store;

import com.smsportal.web.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily counts the dashboard reads (table send_day, issue 27): numbers sent, delivered and
 * failed per tenant, China day and account, where a number counts on the day its chunk was accepted
 * by the gateway. Changed in the transaction that changes what they count, by one multi-row upsert
 * whose rows go in key order, so that two nodes adding to the same days lock them in the same order
 * and never deadlock.
 */
@Component
public class SendDays {

  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparingLong(Key::tenantId)
          .thenComparing(Key::day)
          .thenComparingLong(Key::accountId);

  private final JdbcTemplate jdbc;

  SendDays(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The China day a chunk accepted at this instant counts on. */
  public static LocalDate dayOf(Instant answeredAt) {
    return LocalDate.ofInstant(answeredAt, Times.ZONE);
  }

  /** Which row of counts: a tenant's account on a China day. */
  public record Key(long tenantId, LocalDate day, long accountId) {}

  /** What to add to one row's counts (negative to take away). */
  public record Change(Key key, long sent, long delivered, long failed) {}

  /** A chunk of {@code count} numbers was accepted by the gateway at {@code answeredAt}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void sent(long tenantId, long accountId, Instant answeredAt, long count) {
    add(List.of(new Change(new Key(tenantId, dayOf(answeredAt), accountId), count, 0, 0)));
  }

  /** Adds the changes, summed per row, in one statement with the rows in key order. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void add(Collection<Change> changes) {
    Map<Key, long[]> sums = new TreeMap<>(KEY_ORDER);
    for (Change change : changes) {
      long[] sum = sums.computeIfAbsent(change.key(), k -> new long[3]);
      sum[0] += change.sent();
      sum[1] += change.delivered();
      sum[2] += change.failed();
    }
    sums.values().removeIf(sum -> sum[0] == 0 && sum[1] == 0 && sum[2] == 0);
    if (sums.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "insert into send_day (tenant_id, sent_day, account_id, sent, delivered, failed)"
                + " values ");
    List<Object> args = new ArrayList<>(sums.size() * 6);
    sums.forEach(
        (key, sum) -> {
          sql.append(args.isEmpty() ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
          args.add(key.tenantId());
          args.add(key.day());
          args.add(key.accountId());
          args.add(sum[0]);
          args.add(sum[1]);
          args.add(sum[2]);
        });
    sql.append(
        " on duplicate key update sent = sent + values(sent),"
            + " delivered = delivered + values(delivered), failed = failed + values(failed)");
    jdbc.update(sql.toString(), args.toArray());
  }
}
