package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer is on disk as it arrives: a process that dies leaves a file another process reads back
 * whole, and a live transfer's file is never handed to recovery.
 */
class LandingTests {

  private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

  @TempDir Path dir;

  @Test
  void eachPieceIsInTheFileAsSoonAsItArrivedAndAnotherProcessReadsItBack() throws Exception {
    Landing dying = new Landing(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    Landing.Transfer transfer = dying.open(7, 42, InboxKind.REPLIES);
    assertThat(transfer.file()).as("no file before the answer begins").isNull();

    transfer.begin(200, "text/xml; charset=gbk");
    transfer.write(ByteBuffer.wrap("<returnsms><call".getBytes(StandardCharsets.US_ASCII)));
    assertThat(Files.readString(transfer.file(), StandardCharsets.ISO_8859_1))
        .endsWith("\n\n<returnsms><call");
    transfer.write(ByteBuffer.wrap("box>".getBytes(StandardCharsets.US_ASCII)));
    // The process dies here: nothing closes the file. Another process (the next start) finds it.

    Landing next = new Landing(dir, Clock.systemUTC());
    assertThat(dying.leftBehind()).as("its own transfer, still going on").isEmpty();
    assertThat(next.leftBehind()).containsExactly(transfer.file());
    LandingFile.Entry entry = LandingFile.read(transfer.file());
    assertThat(entry.transfer()).isEqualTo(transfer.id());
    assertThat(entry.tenantId()).isEqualTo(7);
    assertThat(entry.accountId()).isEqualTo(42);
    assertThat(entry.kind()).isEqualTo(InboxKind.REPLIES);
    assertThat(entry.fetchedAt()).isEqualTo(NOW);
    assertThat(entry.status()).isEqualTo(200);
    assertThat(entry.contentType()).isEqualTo("text/xml; charset=gbk");
    assertThat(new String(entry.body(), StandardCharsets.US_ASCII))
        .isEqualTo("<returnsms><callbox>");
    assertThat(transfer.bytes()).isEqualTo(20);
  }

  @Test
  void aLandedAnswerLeavesNothingAndACallThatNeverGotAnAnswerMakesNoFile() throws Exception {
    Landing landing = new Landing(dir, Clock.systemUTC());
    Landing.Transfer landed = landing.open(1, 2, InboxKind.REPORTS);
    landed.begin(200, null);
    landed.write(ByteBuffer.wrap("<returnsms/>".getBytes(StandardCharsets.US_ASCII)));
    Path file = landed.file();
    landed.landed();

    Landing.Transfer unanswered = landing.open(1, 2, InboxKind.REPORTS);
    unanswered.cutOff();
    unanswered.release();

    assertThat(file).doesNotExist();
    assertThat(unanswered.file()).isNull();
    assertThat(landing.leftBehind()).isEmpty();
  }

  @Test
  void aCutOffTransferIsLeftForRecoveryOnceReleased() throws Exception {
    Landing landing = new Landing(dir, Clock.systemUTC());
    Landing.Transfer cut = landing.open(1, 2, InboxKind.REPORTS);
    cut.begin(200, null);
    cut.write(ByteBuffer.wrap("<returnsms><status".getBytes(StandardCharsets.US_ASCII)));
    cut.cutOff();
    assertThat(landing.leftBehind()).isEmpty();

    cut.release();

    assertThat(landing.leftBehind()).containsExactly(cut.file());
  }
}
