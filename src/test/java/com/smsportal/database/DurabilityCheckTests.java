package com.smsportal.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.SmsPortalApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class DurabilityCheckTests {

  @TempDir Path dataDir;

  @Test
  void theShippedH2DatabaseKeepsEachCommitAndSaysWhatItCannotPromise(CapturedOutput output) {
    try (ConfigurableApplicationContext portal = start()) {
      assertThat(output)
          .contains("H2 writes each commit to its file before it returns")
          .contains("Use MySQL or MariaDB in production")
          .doesNotContain("WRITE_DELAY is");
    }
  }

  @Test
  void anH2DatabaseThatKeepsCommitsInMemoryIsWarnedOf(CapturedOutput output) {
    try (ConfigurableApplicationContext portal =
        start(
            "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.resolve("smsportal")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=500")) {
      assertThat(output)
          .contains("WARN")
          .contains("H2's WRITE_DELAY is 500 ms, not 0")
          .contains("Add ;WRITE_DELAY=0 to the database URL");
    }
  }

  @Test
  void mySqlAndMariaDbMustFlushTheRedoLogAtEachCommitAndSyncABinaryLog() {
    assertThat(DurabilityCheck.mySqlWeaknesses(1, false, 0)).isEmpty();
    assertThat(DurabilityCheck.mySqlWeaknesses(1, true, 1)).isEmpty();
    assertThat(DurabilityCheck.mySqlWeaknesses(2, false, 0))
        .singleElement()
        .asString()
        .startsWith("innodb_flush_log_at_trx_commit is 2, not 1")
        .endsWith("Set innodb_flush_log_at_trx_commit=1");
    assertThat(DurabilityCheck.mySqlWeaknesses(0, true, 0))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("sync_binlog is 0 with the binary log on")
        .endsWith("Set sync_binlog=1");
  }

  private ConfigurableApplicationContext start(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--smsportal.data-dir=" + dataDir;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return new SpringApplicationBuilder(SmsPortalApplication.class).run(args);
  }
}
