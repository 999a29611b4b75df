package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built portal killed with {@code kill -9} at the moments that matter, on the build's database
 * (the demo's H2 file; MariaDB through the shipped {@code mysql} profile in the ci profile's run),
 * sending to a stand-in gateway that outlives it and counts every number it gets.
 */
class CrashIntegrationTests {

  @TempDir Path work;

  @Test
  void aChunkInFlightWhenThePortalIsKilledIsUnknownAtRestartAndNeverSentAgain() throws Exception {
    try (CrashRun run = new CrashRun(work, "crash")) {
      StandInGateway.Hold submit = run.gateway().holdNextSend();
      run.start();
      long job = run.send(3000);
      submit.awaitArrival(60);
      // The chunk is claimed, the gateway has its numbers, its answer is not recorded: now.
      run.kill();
      submit.release();
      run.start();

      assertThat(run.progress(job).in("UNKNOWN"))
          .as("the interrupted chunk's numbers, at the first look after the restart")
          .isEqualTo(1000);
      run.awaitFinished(job, Duration.ofMinutes(2));
      run.stop();
      CrashRun.Figures figures = run.figures(job);
      assertThat(figures.numbersReceivedTwice()).as("numbers the gateway got twice").isZero();
      assertThat(figures.numbersReceived()).isEqualTo(3000);
      assertThat(figures.chunksIn("UNKNOWN")).isEqualTo(1);
      assertThat(figures.chunksIn("SUBMITTED")).isEqualTo(2);
    }
  }

  @Test
  void aPortalRestartedAfterAKillDuringAPollDoesNotWaitForItsOwnLock() throws Exception {
    try (CrashRun run = new CrashRun(work, "crash")) {
      // A lock that would last ten minutes after its holder died.
      run.start("--smsportal.poller.lock-at-most-for=PT10M");
      StandInGateway.Hold poll = run.gateway().holdNextReportPoll();
      poll.awaitArrival(60);
      Instant killed = run.kill();
      poll.release();
      run.start();
      Instant up = Instant.now();

      Duration polled = run.awaitReportPoll(poll.account(), killed, Duration.ofMinutes(2));
      Duration afterUp = polled.minus(Duration.between(killed, up));
      System.out.printf(
          "%s: polled again %.1f s after the kill, %.1f s after the portal was up again%n",
          run.database().name(), polled.toMillis() / 1e3, afterUp.toMillis() / 1e3);
      assertThat(afterUp).isLessThan(Duration.ofSeconds(30));
    }
  }
}
