package com.smsportal.sending.store;

import com.smsportal.audit.AuditDetail;
import com.smsportal.sending.JobPhase;
import com.smsportal.web.FilterInput;
import com.smsportal.web.NewestFirstSearch;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The job list's filter once read: every field optional, times as an instant range [from, until) of
 * the job's creation.
 *
 * @param phase the jobs in this phase now ({@link JobPhase}, as their pages say)
 * @param accountId the jobs sent through this gateway account of the tenant
 * @param text the jobs whose content contains this (any case)
 */
public record JobFilter(Instant from, Instant until, JobPhase phase, Long accountId, String text)
    implements NewestFirstSearch.Filter {

  static final int TEXT_MAX = 100;

  /**
   * Reads the page's parameters ({@code from}, {@code to}, {@code phase}, {@code account}, {@code
   * q}); what cannot be read is reported to {@code input}, and the query must then not run.
   *
   * @param accounts the ids of the tenant's gateway accounts: any other is refused
   */
  public static JobFilter read(FilterInput input, Set<Long> accounts) {
    FilterInput.Range time = input.range("from", "to");
    return new JobFilter(
        time.from(),
        time.until(),
        phase(input),
        account(input, accounts),
        input.text("q", TEXT_MAX));
  }

  private static JobPhase phase(FilterInput input) {
    String raw = input.parameter("phase");
    if (raw == null || raw.isBlank() || "all".equalsIgnoreCase(raw.strip())) {
      return null;
    }
    return parse(raw.strip().toUpperCase(Locale.ROOT))
        .orElseGet(() -> input.reject("phase", "jobs.filter.error.phase"));
  }

  private static Optional<JobPhase> parse(String name) {
    for (JobPhase phase : JobPhase.values()) {
      if (phase.name().equals(name)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }

  private static Long account(FilterInput input, Set<Long> accounts) {
    String raw = input.parameter("account");
    if (raw == null || raw.isBlank() || "all".equalsIgnoreCase(raw.strip())) {
      return null;
    }
    try {
      long id = Long.parseLong(raw.strip());
      if (accounts.contains(id)) {
        return id;
      }
    } catch (NumberFormatException e) {
      // told below, like an account of someone else: the same message, nothing learnt
    }
    return input.reject("account", "jobs.filter.error.account");
  }

  /** Whether any field narrows the list (an empty list then says "none matches"). */
  public boolean narrows() {
    return from != null || until != null || phase != null || accountId != null || text != null;
  }

  /** The phase choice the page shows selected: all, or a phase's name. */
  public String phaseFilter() {
    return phase == null ? "all" : phase.name();
  }

  /** The filter in the audit log's detail: which jobs left the portal. */
  public AuditDetail describe() {
    return AuditDetail.filter(
        "filter.from",
        from,
        "filter.to",
        until,
        "jobs.filter.phase",
        phase == null ? null : AuditDetail.text("jobs.phase." + phase.name()),
        "list.col.account",
        accountId,
        "jobs.filter.text",
        text);
  }
}
