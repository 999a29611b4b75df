package com.smsportal.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The node id kept in the data directory ({@code node-id}, made once), and the lock on the
 * directory ({@code node.lock}) that this process holds while it runs. The operating system drops
 * the lock when the process dies, {@code kill -9} included, so a portal that starts after a crash
 * gets it at once, while a second portal started on the same directory is refused: it would share
 * the node id, and so could take the first one's work in flight for its own dead predecessor's.
 */
final class NodeIdFile implements AutoCloseable {

  static final String ID_FILE = "node-id";
  static final String LOCK_FILE = "node.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final String id;

  private NodeIdFile(FileChannel channel, FileLock lock, String id) {
    this.channel = channel;
    this.lock = lock;
    this.id = id;
  }

  static NodeIdFile open(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    FileChannel channel =
        FileChannel.open(
            dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "Another portal is running with the data directory "
              + dataDir.toAbsolutePath().normalize()
              + ": each portal needs a data directory of its own (SMSPORTAL_DATA_DIR)");
    }
    try {
      return new NodeIdFile(channel, lock, readOrCreate(dataDir.resolve(ID_FILE)));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  String id() {
    return id;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** The id in the file, or a new one written whole (a crash leaves the old file or the new). */
  private static String readOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (NodeConfiguration.valid(id)) {
        return id;
      }
    }
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String id = "node-" + HexFormat.of().formatHex(random);
    Path written = file.resolveSibling(ID_FILE + ".new");
    try (FileChannel out =
        FileChannel.open(
            written,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(java.nio.ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII)));
      out.force(true);
    }
    Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return id;
  }
}
