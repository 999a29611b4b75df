package com.smsportal.polling;

import com.smsportal.gateway.AnswerSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers of the fetch-once queues on disk while they arrive, so that a portal killed halfway
 * through a slow answer keeps what had come: the gateway forgot it as it sent it. One file per
 * transfer, created when the answer's headers arrive; every piece of the body is written to it as
 * it comes (into the operating system, which keeps it when the process dies), and a thread of its
 * own forces what was written to the device every {@value #FORCE_EVERY_MILLIS} ms while the answer
 * goes on (and sleeps while no answer arrives: issue 27, an idle node's cost), so that a slow disk
 * never holds up the transfer itself. Once the whole answer is committed to the inbox the file is
 * deleted; a file left behind is an answer that was cut off, and {@link AnswerRecovery} takes its
 * complete items.
 *
 * <p>A file starts with a header of {@code name=value} lines and an empty line, then the body's
 * bytes as they came ({@link LandingFile}).
 */
class Landing implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Landing.class);
  static final long FORCE_EVERY_MILLIS = 50;
  private static final String SUFFIX = ".part";

  private final Path dir;
  private final Clock clock;
  // Files this process is writing: never taken for recovery while their transfer goes on.
  private final Set<Path> open = ConcurrentHashMap.newKeySet();
  // Transfers with bytes written since their last force.
  private final Set<Transfer> unforced = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService forcing;
  // Whether a force is scheduled: one is, FORCE_EVERY_MILLIS after bytes arrive with none pending.
  private final AtomicBoolean forceScheduled = new AtomicBoolean();

  Landing(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
    this.forcing =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "landing-force");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Bytes were written: a force follows within {@value #FORCE_EVERY_MILLIS} ms. */
  private void forceSoon() {
    if (forceScheduled.compareAndSet(false, true)) {
      try {
        forcing.schedule(this::forceAll, FORCE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        forceScheduled.set(false); // the portal stops: what was written is in the OS already
      }
    }
  }

  private void forceAll() {
    // Cleared first: bytes written from here on schedule the next force.
    forceScheduled.set(false);
    for (Transfer transfer : unforced) {
      unforced.remove(transfer);
      transfer.force();
    }
  }

  @Override
  public void close() {
    forcing.shutdownNow();
  }

  Path directory() {
    return dir;
  }

  /** A transfer about to start for this account and queue; its file appears with the answer. */
  Transfer open(long tenantId, long accountId, InboxKind kind) {
    return new Transfer(tenantId, accountId, kind);
  }

  /** Files left by transfers that are not going on in this process, oldest first. */
  List<Path> leftBehind() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
          .filter(f -> !open.contains(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Taken again later: its transfer id is in the inbox by then, so it is only deleted.
      log.warn("Could not delete {}: {}", file, e.getMessage());
    }
  }

  /**
   * One answer on its way. The HTTP client's thread writes it; the poller's thread asks about it
   * once the call has returned or failed.
   */
  final class Transfer implements AnswerSink {

    private final String id = UUID.randomUUID().toString();
    private final long tenantId;
    private final long accountId;
    private final InboxKind kind;
    private volatile Path file;
    private volatile FileChannel channel;
    private volatile boolean failed;
    private volatile long bytes;
    private volatile long firstByteNanos;
    private volatile long lastByteNanos;

    private Transfer(long tenantId, long accountId, InboxKind kind) {
      this.tenantId = tenantId;
      this.accountId = accountId;
      this.kind = kind;
    }

    /** The id the answer is stored under in the inbox: a file taken later finds it there. */
    String id() {
      return id;
    }

    /** The file, if the answer began to arrive and its file is still there. */
    Path file() {
      return file;
    }

    long bytes() {
      return bytes;
    }

    /** From the first byte of the body to the last, in nanoseconds (0 before two arrived). */
    long transferNanos() {
      return bytes == 0 ? 0 : lastByteNanos - firstByteNanos;
    }

    @Override
    public void begin(int status, String contentType) {
      if (file != null) {
        // A second answer to the same call (never expected): keep the first; drop this sink.
        failed = true;
        return;
      }
      String name = clock.millis() + "-" + id + SUFFIX;
      Path target = dir.resolve(name);
      open.add(target); // before it exists: recovery must never see it while it is written
      file = target;
      try {
        Files.createDirectories(dir);
        channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writeFully(
            ByteBuffer.wrap(
                LandingFile.header(
                    new AnswerFileHeader.Owner(tenantId, accountId, kind, clock.instant()),
                    id,
                    status,
                    contentType)));
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
    }

    @Override
    public void write(ByteBuffer piece) {
      long now = System.nanoTime();
      if (bytes == 0) {
        firstByteNanos = now;
      }
      lastByteNanos = now;
      bytes += piece.remaining();
      if (failed || channel == null) {
        return;
      }
      try {
        writeFully(piece);
        unforced.add(this);
        forceSoon();
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
    }

    /** On the forcing thread: what was written so far, to the device. */
    private void force() {
      FileChannel c = channel;
      if (c == null) {
        return;
      }
      try {
        c.force(false);
      } catch (IOException e) {
        // Closed meanwhile (the answer is in), or the disk failed: the write itself says so.
        log.debug("Forcing {} failed: {}", file, e.toString());
      }
    }

    private void writeFully(ByteBuffer piece) throws IOException {
      while (piece.hasRemaining()) {
        channel.write(piece);
      }
    }

    private void fail(Exception e) {
      // The answer still arrives in memory and is stored as before; only a death now loses it.
      failed = true;
      log.warn(
          "Could not write an answer of account {} ({}) to {} as it arrived: {}",
          accountId,
          kind,
          dir,
          e.toString());
      closeChannel();
    }

    /** The whole answer is committed (or spooled): its file goes. */
    void landed() {
      closeChannel();
      Path written = file;
      if (written != null) {
        delete(written);
      }
      release();
    }

    /**
     * The call failed: the file (if any) stays for {@link AnswerRecovery}, which the caller asks at
     * once; the file is free for later rounds only after that.
     */
    void cutOff() {
      closeChannel();
    }

    /** This process no longer writes or reads the file: a later recovery may take it. */
    void release() {
      Path written = file;
      if (written != null) {
        open.remove(written);
      }
    }

    private void closeChannel() {
      unforced.remove(this);
      FileChannel c = channel;
      channel = null;
      if (c != null) {
        try {
          c.close();
        } catch (IOException e) {
          log.debug("Closing {} failed: {}", file, e.getMessage());
        }
      }
    }
  }
}
