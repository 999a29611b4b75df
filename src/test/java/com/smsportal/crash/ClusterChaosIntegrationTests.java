package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ClusterChaosBenchmark} at a small size, for CI (MariaDB only: several nodes share one
 * database): three nodes, 4,000 numbers over four accounts in chunks of 100 at one submit per
 * second and account (so that the submits last while the first kills come), three kills. Whatever
 * the kills hit: no number sent twice, each UNKNOWN chunk truly in doubt, no report stored twice,
 * and every number either submitted or in an UNKNOWN chunk.
 */
@DatabaseDependent(
    "three jar nodes killed at random: each number sent at most once, each report stored once")
class ClusterChaosIntegrationTests {

  @Test
  void threeNodesKilledThreeTimesSendEachNumberAtMostOnce() throws Exception {
    assumeTrue("mariadb".equals(System.getProperty("it.database")), "several nodes need MariaDB");
    // Kept for a look at the nodes' logs afterwards, like the crash benchmark's.
    Path work =
        Files.createDirectories(
            Path.of("target", "cluster-chaos-it", "" + System.nanoTime()).toAbsolutePath());
    ClusterChaosBenchmark.Settings settings =
        ClusterChaosBenchmark.Settings.fromSystemProperties(4000, 4, 100, 3, 1);
    ClusterChaosRun.Figures figures =
        ClusterChaosBenchmark.run(work, 3, settings.kills(), settings, PortalProcess.QUICK_START);
    System.out.println(
        ClusterChaosBenchmark.table("ClusterChaosIntegrationTests", settings, List.of(figures)));

    assertThat(figures.numbersReceivedTwice()).as("numbers the gateway got twice").isZero();
    assertThat(figures.unknownChunksNotInDoubt()).as("UNKNOWN chunks not in doubt").isZero();
    assertThat(figures.reportsStoredTwice()).as("reports stored twice").isZero();
    assertThat(figures.chunksIn("SUBMITTED") + figures.chunksIn("UNKNOWN"))
        .as("every chunk sent or in doubt")
        .isEqualTo(settings.numbers() / settings.chunk());
  }
}
