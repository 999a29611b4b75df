package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built portal (the demo's H2 file; MariaDB through the shipped {@code mysql} profile in the ci
 * profile's run) draining reports from a stand-in gateway that sends each answer slowly, as over a
 * slow link: 4,000 reports over 3 s, chunked, flushed as they go. The gateway forgets every report
 * it puts in an answer, so what has arrived of an answer when the portal dies must not die with it.
 */
@DatabaseDependent("the built jar killed while an answer arrives: what arrived is stored, durably")
class SlowAnswerIntegrationTests {

  private static final int ANSWER = 4000;

  /** Kept when the test fails: the portal's log is in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  /**
   * {@link SlowAnswerCrashBenchmark} at a size CI affords: 10,000 reports waiting for acme; the
   * portal is killed ({@code kill -9}) when 40% of the first answer is written and started again;
   * it takes a whole answer of 4,000 (3 s), then asks for about one second's worth, and is stopped
   * gracefully (SIGTERM) a quarter into that answer. Of the first answer, every report written to
   * the connection at least 100 ms before the kill is stored (those written in the last 100 ms and
   * those never written are counted, not asserted); the last is stored whole before the process
   * ends; nothing is stored twice.
   */
  @Test
  void reportsThatArrivedBeforeAKillAreKeptAndAGracefulStopFinishesTheAnswerInFlight()
      throws Exception {
    try (CrashRun run = new CrashRun(work, "slow", PortalProcess.QUICK_START)) {
      run.gateway().answerSlowly(ANSWER, Duration.ofSeconds(3));
      run.gateway().preloadReports("acme", ANSWER * 2 + ANSWER / 2);
      Instant begun = Instant.now();
      run.start();
      assertThat(run.awaitAnswerWritten(begun, 0.4, Duration.ofMinutes(1), () -> false)).isTrue();
      run.kill();

      Instant restarted = Instant.now();
      run.start();
      // A whole answer of 4,000 over 3 s: the next asks for what arrives in about a second.
      assertThat(run.awaitAnswerWritten(restarted, 1.0, Duration.ofMinutes(1), () -> false))
          .isTrue();
      Instant whole = Instant.now();
      assertThat(run.awaitAnswerWritten(whole, 0.25, Duration.ofMinutes(1), () -> false)).isTrue();
      List<Integer> asked = run.gateway().statusNums();
      Instant stopped = Instant.now();
      run.stop();

      SlowAnswerFigures figures = SlowAnswerFigures.read(run, Duration.between(begun, stopped));
      System.out.println(figures.table("SlowAnswerIntegrationTests") + "logs: " + work);
      List<StandInGateway.Handout> answers = run.gateway().handouts();
      StandInGateway.Handout inFlightAtTheStop = answers.get(answers.size() - 1);

      assertThat(figures.reports().writtenBeforeAKill())
          .as("reports written at least 100 ms before the kill: it came in the middle of an answer")
          .isPositive();
      SoftAssertions softly = new SoftAssertions();
      softly
          .assertThat(figures.reports().lostWrittenBeforeAKill())
          .as(
              "reports of the killed answer written to the portal at least 100 ms before the kill"
                  + " and lost (%,d written in its last 100 ms lost, %,d never written): %s",
              figures.reports().lostWrittenJustBeforeAKill(),
              figures.reports().neverWritten(),
              figures.losses())
          .isZero();
      softly
          .assertThat(inFlightAtTheStop.complete())
          .as("the answer in flight at the SIGTERM was read to its end")
          .isTrue();
      softly
          .assertThat(figures.reports().lostWithoutAKill())
          .as(
              "reports of the answer in flight at the SIGTERM (%,d, handed out at %s) not stored"
                  + " when the process ended (raw answers not processed: %d, spooled: %d): %s",
              inFlightAtTheStop.reports().size(),
              inFlightAtTheStop.at(),
              figures.answersNotProcessed(),
              figures.spooledAnswers(),
              figures.losses())
          .isZero();
      softly.assertThat(figures.storedTwice()).as("reports stored twice").isZero();
      softly
          .assertThat(asked.get(asked.size() - 1))
          .as(
              "reports asked for after an answer of 4,000 came in 3 s, about a second's worth"
                  + " (every statusNum asked: %s)",
              asked)
          .isBetween(1000, 1700);
      softly
          .assertThat(asked.get(0))
          .as("the first answer, before any was measured")
          .isEqualTo(4000);
      softly.assertAll();
    }
  }
}
