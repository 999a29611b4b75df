package com.smsportal.polling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the database could not take, on disk until it can: one file each, written to a temporary
 * name, forced to the disk, then renamed (and the directory forced), so that a file under its final
 * name is always whole. A file is deleted only after its answer is committed to the inbox.
 */
class Spool {

  private static final Logger log = LoggerFactory.getLogger(Spool.class);
  private static final String SUFFIX = ".spool";
  private static final String SEPARATOR = "\n\n";

  private final Path dir;

  Spool(Path dir) {
    this.dir = dir;
  }

  /**
   * One spooled answer with what the inbox needs to store it.
   *
   * @param transfer the id of the transfer it came in, or null (files spooled before there was one)
   */
  record Entry(
      long tenantId,
      long accountId,
      InboxKind kind,
      Instant fetchedAt,
      String body,
      String transfer) {}

  Path directory() {
    return dir;
  }

  /** Writes the answer durably; returns its file. */
  Path write(Entry entry) throws IOException {
    Files.createDirectories(dir);
    String name = entry.fetchedAt().toEpochMilli() + "-" + UUID.randomUUID();
    Path temporary = dir.resolve(name + ".tmp");
    Path target = dir.resolve(name + SUFFIX);
    Map<String, Object> more = new HashMap<>();
    more.put("transfer", entry.transfer());
    StringBuilder header =
        AnswerFileHeader.write(
            new AnswerFileHeader.Owner(
                entry.tenantId(), entry.accountId(), entry.kind(), entry.fetchedAt()),
            more);
    try (FileChannel channel =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(header + entry.body());
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory();
    return target;
  }

  /** The spooled answers, oldest first. */
  List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return files().size();
  }

  Entry read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf(SEPARATOR);
    if (end < 0) {
      throw new IOException("no header in " + file.getFileName());
    }
    AnswerFileHeader header =
        AnswerFileHeader.read(text.substring(0, end), Set.of("transfer"), file);
    AnswerFileHeader.Owner owner = header.owner();
    return new Entry(
        owner.tenantId(),
        owner.accountId(),
        owner.kind(),
        owner.fetchedAt(),
        text.substring(end + SEPARATOR.length()),
        header.value("transfer"));
  }

  void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
    forceDirectory();
  }

  private void forceDirectory() {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // Not every file system lets a directory be opened; the rename itself is atomic.
      log.debug("Could not force the spool directory {}: {}", dir, e.getMessage());
    }
  }
}
