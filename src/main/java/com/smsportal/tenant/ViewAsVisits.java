package com.smsportal.tenant;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Visits of staff to a tenant's pages ("view as tenant"), and their audit: one entry when a visit
 * starts and one when it ends, saying how many pages were opened and over what time, rather than
 * one entry per page (issue 23).
 *
 * <p>The start is recorded at once, not only in the summary: the summary of a visit whose node dies
 * is never written, and whoever reads the log must still learn that someone looked at the tenant's
 * data, when and from where (the start carries the address of the request; the summary of an
 * expired session has none).
 *
 * <p>A visit ends when the staff member ends it, starts another, opens one of their own pages
 * (support's or the administrators', which are not the tenant's), signs out, or when their session
 * expires (the session clean-up hands over the visits of the sessions it deletes: sessions live in
 * the database, whose store tells no listener of an expiry), or when the session is ended from
 * elsewhere (a password change, a suspension, an administrator).
 */
@Service
public class ViewAsVisits {

  /** How the summary shows the visit's span (China Standard Time, as every time on the pages). */
  private static final DateTimeFormatter SPAN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  /** Why a visit ended, each a message key of the audit bundle. */
  public enum Ending {
    ENDED("audit.detail.viewAsEnded"),
    LEFT("audit.detail.viewAsLeft"),
    SIGNED_OUT("audit.detail.viewAsSignedOut"),
    EXPIRED("audit.detail.viewAsExpired"),
    REPLACED("audit.detail.viewAsReplaced"),
    SESSION_ENDED("audit.detail.viewAsSessionEnded");

    private final String key;

    Ending(String key) {
      this.key = key;
    }
  }

  private final AuditLog audit;
  private final Clock clock;

  ViewAsVisits(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /** The visit of this session, if one is open. */
  public static Optional<ViewAsVisit> current(HttpSession session) {
    return session != null
            && session.getAttribute(ViewAsVisit.SESSION_ATTRIBUTE) instanceof ViewAsVisit visit
        ? Optional.of(visit)
        : Optional.empty();
  }

  /** Starts a visit to {@code tenant}, ending any other of this session first. */
  public void start(HttpSession session, TenantView tenant) {
    end(session, Ending.REPLACED);
    Instant now = clock.instant();
    session.setAttribute(TenantContext.VIEWED_TENANT, tenant.id());
    session.setAttribute(
        ViewAsVisit.SESSION_ATTRIBUTE,
        new ViewAsVisit(
            tenant.id(), tenant.name(), CurrentActor.name(), CurrentActor.role(), now, now, 0));
    audit.record(
        AuditEntry.success(AuditAction.TENANT_VIEWED, AuditDetail.of("audit.target.viewAsStart"))
            .tenant(tenant.id(), tenant.name()));
  }

  /** Counts one page of the tenant's opened during this session's visit. */
  public void pageOpened(HttpSession session) {
    current(session)
        .ifPresent(
            visit ->
                session.setAttribute(
                    ViewAsVisit.SESSION_ATTRIBUTE, visit.withPageAt(clock.instant())));
  }

  /** Ends this session's visit, if any, and records its summary. */
  public Optional<ViewAsVisit> end(HttpSession session, Ending ending) {
    Optional<ViewAsVisit> visit = current(session);
    if (session != null) {
      session.removeAttribute(TenantContext.VIEWED_TENANT);
      session.removeAttribute(ViewAsVisit.SESSION_ATTRIBUTE);
    }
    visit.ifPresent(v -> summarize(v, clock.instant(), ending));
    return visit;
  }

  /**
   * Records the summary of a visit whose session expired: it lasted until its last page, as far as
   * anyone can tell.
   */
  public void expired(ViewAsVisit visit) {
    summarize(visit, visit.lastPageAt(), Ending.EXPIRED);
  }

  /**
   * Records the summary of a visit whose session was ended from elsewhere (a password change, a
   * suspension, an administrator): it lasted until its last page.
   */
  public void sessionEnded(ViewAsVisit visit) {
    summarize(visit, visit.lastPageAt(), Ending.SESSION_ENDED);
  }

  private void summarize(ViewAsVisit visit, Instant until, Ending ending) {
    long minutes = Duration.between(visit.startedAt(), until).toMinutes();
    audit.recordAs(
        visit.actor(),
        visit.actorRole(),
        AuditEntry.success(
                AuditAction.TENANT_VIEWED,
                AuditDetail.of("audit.target.viewAsVisit", visit.pages()))
            .tenant(visit.tenantId(), visit.tenantName())
            .detail(
                AuditDetail.of(
                        "audit.detail.viewAsVisit",
                        SPAN.format(visit.startedAt()),
                        SPAN.format(until),
                        minutes)
                    .and(ending.key)));
  }
}
