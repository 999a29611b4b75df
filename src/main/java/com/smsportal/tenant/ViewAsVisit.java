package com.smsportal.tenant;

import java.io.Serializable;
import java.time.Instant;

/**
 * One visit of a staff member to a tenant's pages ("view as tenant"), kept in their session from
 * the start until it ends: whose data, who looks, since when, and how many pages they opened. The
 * audit log gets one entry for the whole visit when it ends ({@link ViewAsVisits}).
 *
 * @param actor the staff member's user name, so a visit ended by the session's expiry (no request,
 *     nobody signed in) is still recorded as theirs
 */
public record ViewAsVisit(
    long tenantId,
    String tenantName,
    String actor,
    String actorRole,
    Instant startedAt,
    Instant lastPageAt,
    int pages)
    implements Serializable {

  /** The session attribute holding the visit, beside {@link TenantContext#VIEWED_TENANT}. */
  public static final String SESSION_ATTRIBUTE = ViewAsVisit.class.getName();

  ViewAsVisit withPageAt(Instant at) {
    return new ViewAsVisit(tenantId, tenantName, actor, actorRole, startedAt, at, pages + 1);
  }
}
