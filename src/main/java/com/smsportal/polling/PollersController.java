package com.smsportal.polling;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.node.NodeIdentity;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/pollers}: per gateway account the last successful round, the last error, items
 * fetched today, answers not yet processed, the node that holds (or last held) its poll lock; the
 * node that served the page; the spool; and the stored answers that need an administrator, each
 * viewable as it came (escaped).
 */
@Controller
class PollersController {

  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final PollerStates states;
  private final RawInbox inbox;
  private final Spool spool;
  private final PollerProperties properties;
  private final Clock clock;
  private final PollLocks locks;
  private final NodeIdentity node;

  PollersController(
      GatewayAccounts accounts,
      TenantService tenants,
      PollerStates states,
      RawInbox inbox,
      Spool spool,
      PollerProperties properties,
      Clock clock,
      PollLocks locks,
      NodeIdentity node) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.states = states;
    this.inbox = inbox;
    this.spool = spool;
    this.properties = properties;
    this.clock = clock;
    this.locks = locks;
    this.node = node;
  }

  /** One account's line on the page. */
  public record PollerRow(
      long accountId,
      String accountName,
      String tenantName,
      boolean polled,
      String notPolledReason,
      Instant lastSuccessAt,
      Instant lastErrorAt,
      String lastError,
      int failures,
      Instant nextPollAt,
      long fetchedToday,
      long backlog,
      long attention,
      long recovered,
      String lockNode,
      boolean lockHeld) {

    public boolean failing() {
      return failures > 0;
    }
  }

  @GetMapping("/admin/pollers")
  String pollers(Model model) {
    Map<Long, PollerStates.State> known = states.all();
    Map<Long, Long> backlog = inbox.backlog();
    Map<Long, Long> attention = inbox.needingAttention();
    Map<Long, Long> recovered = inbox.recovered();
    LocalDate today = LocalDate.ofInstant(clock.instant(), Times.ZONE);
    Map<Long, PollLocks.Holder> holders = locks.holders();
    List<PollerRow> rows =
        TenantContext.callAs(TenantContext.ALL_TENANTS, accounts::list).stream()
            .map(
                a -> {
                  PollerStates.State s = known.get(a.id());
                  TenantView tenant = tenants.find(a.tenantId()).orElse(null);
                  return new PollerRow(
                      a.id(),
                      a.name(),
                      tenant == null ? "-" : tenant.name(),
                      reason(a, tenant) == null,
                      reason(a, tenant),
                      s == null ? null : s.lastSuccessAt(),
                      s == null ? null : s.lastErrorAt(),
                      s == null ? null : s.lastError(),
                      s == null ? 0 : s.failures(),
                      s == null ? null : s.nextPollAt(),
                      s == null ? 0 : s.fetchedOn(today),
                      backlog.getOrDefault(a.id(), 0L),
                      attention.getOrDefault(a.id(), 0L),
                      recovered.getOrDefault(a.id(), 0L),
                      holder(holders, a.id()).node(),
                      holder(holders, a.id()).now());
                })
            .sorted(
                Comparator.comparing(PollerRow::tenantName).thenComparing(PollerRow::accountName))
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("anyRecovered", rows.stream().anyMatch(r -> r.recovered() > 0));
    model.addAttribute("spoolFiles", spool.size());
    model.addAttribute("spoolDir", spool.directory().toAbsolutePath().toString());
    model.addAttribute("enabled", properties.enabled());
    model.addAttribute("every", properties.every().toSeconds());
    model.addAttribute("flagged", inbox.attention(50));
    model.addAttribute("thisNode", node.id());
    return "polling/pollers";
  }

  @GetMapping("/admin/pollers/answers/{id}")
  String answer(@PathVariable long id, Model model) {
    StoredAnswer answer =
        inbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("answer", answer);
    return "polling/answer";
  }

  private static PollLocks.Holder holder(Map<Long, PollLocks.Holder> holders, long accountId) {
    return holders.getOrDefault(accountId, new PollLocks.Holder(null, false));
  }

  /** Why the poller leaves an account alone, as a message key; null when it is polled. */
  private static String reason(GatewayAccountView account, TenantView tenant) {
    if (tenant == null || !tenant.active()) {
      return "pollers.skip.tenant";
    }
    if (!account.active()) {
      return "pollers.skip.inactive";
    }
    if (account.waitsForRotation()) {
      return "pollers.skip.rotation";
    }
    return null;
  }
}
