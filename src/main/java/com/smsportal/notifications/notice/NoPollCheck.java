package com.smsportal.notifications.notice;

import com.smsportal.notifications.NoticeKind;
import com.smsportal.notifications.NotificationsProperties;
import com.smsportal.polling.PollerHealth;
import com.smsportal.polling.PollerHealth.SilentAccount;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the operator's admins of an active account without a successful poll for {@code
 * smsportal.notifications.no-poll-minutes}: once per silence. The silence is named by the account
 * and its last success ({@code never} if none), recorded with its notices in one transaction
 * ({@code notice_episode}, unique): every node may run this check, the second to see the same
 * silence finds it recorded and writes nothing. A poll that succeeds again starts a new silence,
 * told again only when it too lasts.
 */
@Component
public class NoPollCheck implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(NoPollCheck.class);

  private final PollerHealth health;
  private final Notices notices;
  private final UserService users;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final NotificationsProperties properties;

  NoPollCheck(
      PollerHealth health,
      Notices notices,
      UserService users,
      TransactionTemplate tx,
      Clock clock,
      NotificationsProperties properties) {
    this.health = health;
    this.notices = notices;
    this.users = users;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    Duration every = properties.every().multipliedBy(4);
    tasks.addFixedDelayTask(
        new FixedDelayTask(
            () -> {
              if (properties.workerEnabled()) {
                try {
                  check();
                } catch (RuntimeException e) {
                  log.warn("Checking for silent pollers failed", e);
                }
              }
            },
            every,
            every));
  }

  /** Notifies each silence not told yet; returns how many were told now. */
  public int check() {
    Instant cutoff = clock.instant().minus(Duration.ofMinutes(properties.noPollMinutes()));
    List<SilentAccount> silent = health.silentSince(cutoff);
    int told = 0;
    for (SilentAccount account : silent) {
      String episode =
          account.lastSuccessAt() == null ? "never" : account.lastSuccessAt().toString();
      Boolean now =
          tx.execute(
              s -> {
                if (!notices.firstOf(NoticeKind.NO_POLL, account.accountId(), episode)) {
                  return false;
                }
                notices.notify(
                    NoticeKind.NO_POLL,
                    users.enabledUserIds(null, List.of(Role.ADMIN)),
                    "/admin/pollers",
                    List.of(
                        account.accountName(),
                        account.accountId(),
                        account.tenantName(),
                        properties.noPollMinutes()));
                return true;
              });
      if (Boolean.TRUE.equals(now)) {
        told++;
      }
    }
    return told;
  }
}
