package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test of speed: the built jar as shipped on the build's database (its H2 file;
 * MariaDB through the shipped {@code mysql} profile with {@code -Pci}) drains reports from a
 * stand-in gateway that sends each answer slowly, as over a slow link: 4,000 items over 3 s,
 * chunked, each slice of 20 ms flushed as it goes. The demo customer sends a job of 100,000 numbers
 * (the gateway hands out one report per number), and the portal is killed with {@code kill -9} 20
 * times, each time at a random moment within 4 s after an answer began to arrive, and started
 * again; then it drains the rest and stops.
 *
 * <p>Prints, for reports and replies: items handed out, stored, never reached the portal (not
 * written before the connection broke: the protocol's loss, counted apart), written at least 100 ms
 * before a kill and lost (must be 0), written in the last 100 ms before a kill and lost (counted),
 * written with no kill after them and lost (must be 0), stored twice (must be 0), and numbers the
 * gateway got twice (must be 0). Asserts the "must be 0" rows.
 *
 * <p>Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=SlowAnswerCrashBenchmark} (add {@code -Pci} for MariaDB too). {@code -Dbench.numbers},
 * {@code -Dbench.kills}, {@code -Dbench.seed}; {@code -Dbench.job=false} puts the reports in the
 * gateway's queue instead of sending a job; {@code -Dbench.replies=N} also puts N replies there;
 * {@code -Dbench.answer-seconds} how long a 4,000-item answer takes. Data and logs stay in {@code
 * target/slow-answer-benchmark/<database>/<seed>}.
 */
class SlowAnswerCrashBenchmark {

  private static final int NUMBERS = Integer.getInteger("bench.numbers", 100_000);
  private static final int KILLS = Integer.getInteger("bench.kills", 20);
  private static final int REPLIES = Integer.getInteger("bench.replies", 0);
  private static final boolean JOB = Boolean.parseBoolean(System.getProperty("bench.job", "true"));
  private static final Duration ANSWER =
      Duration.ofMillis(
          (long) (1000 * Double.parseDouble(System.getProperty("bench.answer-seconds", "3"))));
  private static final Duration TIMEOUT = Duration.ofMinutes(40);

  @Test
  void aDrainOverSlowAnswersKilled20Times() throws Exception {
    long seed = Long.getLong("bench.seed", System.nanoTime());
    Random random = new Random(seed);
    // Kept for a look at the portal's log afterwards.
    Path work =
        Files.createDirectories(
            Path.of(
                    "target",
                    "slow-answer-benchmark",
                    System.getProperty("it.database", "h2"),
                    "" + seed)
                .toAbsolutePath());
    try (CrashRun run = new CrashRun(work, "slowbench")) {
      run.gateway().answerSlowly(4000, ANSWER);
      run.gateway().preloadReplies("acme", REPLIES);
      Instant begun = Instant.now();
      long job = -1;
      if (JOB) {
        run.start();
        job = run.send(NUMBERS);
      } else {
        run.gateway().preloadReports("acme", NUMBERS);
        run.start();
      }
      long sent = job;
      // Nothing left to answer: the job (if any) fully submitted and the gateway drained.
      java.util.function.BooleanSupplier over =
          () -> {
            try {
              return run.gateway().drained() && (sent < 0 || run.progress(sent).done());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      Instant up = begun;
      for (int i = 0; i < KILLS; i++) {
        if (!run.awaitAnswerWritten(up, 0, Duration.ofMinutes(2), over)) {
          System.out.printf("Drained after %d kills: no answer left to kill in%n", i);
          break;
        }
        Thread.sleep(random.nextLong(ANSWER.toMillis() * 4 / 3));
        run.kill();
        up = Instant.now();
        run.start();
      }
      if (JOB) {
        run.awaitFinished(job, TIMEOUT);
      } else {
        run.awaitDrained(TIMEOUT);
      }
      Duration finished = Duration.between(begun, Instant.now());
      run.stop();
      SlowAnswerFigures figures = SlowAnswerFigures.read(run, finished);
      System.out.println(
          figures.table(
              "SlowAnswerCrashBenchmark, seed "
                  + seed
                  + (JOB ? ", a job of " + NUMBERS : ", " + NUMBERS + " reports waiting")));

      assertThat(figures.lostAfterArriving())
          .as("items lost after they arrived: %s", figures.losses())
          .isZero();
      assertThat(figures.storedTwice()).as("items stored twice").isZero();
      assertThat(figures.numbersReceivedTwice()).as("numbers the gateway got twice").isZero();
    }
  }
}
