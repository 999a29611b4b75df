package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

class PollLocksTests {

  @Test
  void aPollWhoseLockCouldNotBeExtendedStillReportsWhatItFetched() throws Throwable {
    // What ShedLock's keep-alive leaves after a failed extension: a lock that refuses to unlock.
    SimpleLock lost =
        () -> {
          throw new IllegalStateException("Lock poll-account-7 is not valid");
        };
    LockingTaskExecutor locks =
        new DefaultLockingTaskExecutor(PollLocks.mayBeLost(configuration -> Optional.of(lost)));

    LockingTaskExecutor.TaskResult<String> round =
        locks.executeWithLock(
            () -> "4000 reports stored",
            new LockConfiguration(
                Instant.now(), "poll-account-7", Duration.ofSeconds(30), Duration.ZERO));

    assertThat(round.wasExecuted()).isTrue();
    assertThat(round.getResult()).isEqualTo("4000 reports stored");
  }
}
