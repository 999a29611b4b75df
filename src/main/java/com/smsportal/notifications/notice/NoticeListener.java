package com.smsportal.notifications.notice;

import com.smsportal.audit.CurrentActor;
import com.smsportal.dashboard.BalanceLow;
import com.smsportal.gatewayaccount.RotationInDoubt;
import com.smsportal.notifications.NoticeKind;
import com.smsportal.sending.JobFinished;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantStatus;
import com.smsportal.tenant.TenantStatusChanged;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.webhooks.WebhookEndpointDisabled;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what other modules publish into notices, synchronously: a plain {@link EventListener} runs
 * in the publisher's thread and transaction, so the balance reading, the job's end, the suspension,
 * the rotation's doubt or the endpoint's disabling and its notices (and their mails in the outbox)
 * commit together or not at all: nothing is lost by a crash in between. Only rows are written here;
 * no mail server is called (the worker sends later), so the poller and the send worker never wait
 * on one.
 */
@Component
class NoticeListener {

  private final Notices notices;
  private final UserService users;
  private final TenantService tenants;

  NoticeListener(Notices notices, UserService users, TenantService tenants) {
    this.notices = notices;
    this.users = users;
    this.tenants = tenants;
  }

  /** Already once per fall below the threshold (dashboard.BalanceReadings): the tenant's admins. */
  @EventListener
  void balanceLow(BalanceLow low) {
    notices.notify(
        NoticeKind.BALANCE_LOW,
        users.enabledUserIds(low.tenantId(), List.of(Role.TENANT_ADMIN)),
        "/accounts/" + low.accountId(),
        List.of(low.accountName(), low.balance(), low.threshold()));
  }

  /**
   * To whoever sent the job: the user it names as its sender. A job made by the system or nobody
   * signed in names no user (even if a user were called so).
   */
  @EventListener
  void jobFinished(JobFinished job) {
    if (job.createdBy() == null
        || CurrentActor.SYSTEM.equals(job.createdBy())
        || CurrentActor.ANONYMOUS.equals(job.createdBy())) {
      return;
    }
    users
        .idOf(job.createdBy())
        .ifPresent(
            user ->
                notices.notify(
                    NoticeKind.JOB_FINISHED,
                    List.of(user),
                    "/jobs/" + job.jobId(),
                    List.of(job.jobId(), job.unknownChunks())));
  }

  @EventListener
  void tenantStatusChanged(TenantStatusChanged changed) {
    if (changed.status() != TenantStatus.SUSPENDED) {
      return;
    }
    notices.notify(
        NoticeKind.TENANT_SUSPENDED,
        users.enabledUserIds(changed.tenantId(), Role.TENANT_ROLES),
        "/",
        List.of(tenants.find(changed.tenantId()).map(TenantView::name).orElse("")));
  }

  @EventListener
  void rotationInDoubt(RotationInDoubt doubt) {
    notices.notify(
        NoticeKind.ROTATION_IN_DOUBT,
        users.enabledUserIds(null, List.of(Role.ADMIN)),
        "/accounts/" + doubt.accountId(),
        List.of(doubt.accountName(), doubt.accountId()));
  }

  @EventListener
  void webhookDisabled(WebhookEndpointDisabled disabled) {
    notices.notify(
        NoticeKind.WEBHOOK_DISABLED,
        users.enabledUserIds(disabled.tenantId(), List.of(Role.TENANT_ADMIN)),
        "/settings/webhooks/" + disabled.endpointId(),
        List.of(disabled.endpointId()));
  }
}
