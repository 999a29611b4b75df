package com.smsportal.notifications.notice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.smsportal.audit.CurrentActor;
import com.smsportal.notifications.NoticeKind;
import com.smsportal.sending.JobFinished;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.UserService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeListenerTests {

  private final Notices notices = mock(Notices.class);
  private final UserService users = mock(UserService.class);
  private final NoticeListener listener =
      new NoticeListener(notices, users, mock(TenantService.class));

  @Test
  void aFinishedJobTellsItsSenderWithItsChunksOfUnknownOutcome() {
    when(users.idOf("alice")).thenReturn(Optional.of(7L));
    listener.jobFinished(new JobFinished(1, 42, 3, Instant.EPOCH, "alice", 2));
    verify(notices).notify(NoticeKind.JOB_FINISHED, List.of(7L), "/jobs/42", List.of(42L, 2L));
  }

  @Test
  void aJobTheSystemMadeTellsNobody() {
    when(users.idOf(anyString())).thenReturn(Optional.of(7L));
    listener.jobFinished(new JobFinished(1, 42, 3, Instant.EPOCH, CurrentActor.SYSTEM, 0));
    verify(notices, never()).notify(any(), anyList(), any(), anyList());
  }
}
