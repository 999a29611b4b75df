package com.smsportal.polling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The format of a {@link Landing} file: a header of {@code name=value} lines ({@link
 * AnswerFileHeader}: the owner, the transfer's id, the HTTP status and content type) and an empty
 * line, then the body's bytes as they came. Written as the answer's headers arrive, read when the
 * file is left behind.
 */
final class LandingFile {

  private static final byte[] END_OF_HEADER = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private LandingFile() {}

  /** The header of a transfer's file, written before the first byte of its body. */
  static byte[] header(AnswerFileHeader.Owner owner, String transfer, int status, String type) {
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("transfer", transfer);
    more.put("status", status);
    more.put("type", type == null ? null : type.replaceAll("[^\\x20-\\x7e]", "?"));
    return AnswerFileHeader.write(owner, more).toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** What a file holds: whom and what queue it was for, and the bytes of the answer that came. */
  record Entry(
      String transfer,
      long tenantId,
      long accountId,
      InboxKind kind,
      Instant fetchedAt,
      int status,
      String contentType,
      byte[] body) {}

  static Entry read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = indexOf(bytes, END_OF_HEADER);
    if (end < 0) {
      throw new IOException("no complete header in " + file.getFileName());
    }
    AnswerFileHeader header =
        AnswerFileHeader.read(
            new String(bytes, 0, end, StandardCharsets.US_ASCII),
            Set.of("transfer", "status", "type"),
            file);
    AnswerFileHeader.Owner owner = header.owner();
    int status;
    try {
      status = Integer.parseInt(header.required("status"));
    } catch (NumberFormatException e) {
      throw new IOException("unreadable status in " + file.getFileName());
    }
    byte[] body = Arrays.copyOfRange(bytes, end + END_OF_HEADER.length, bytes.length);
    return new Entry(
        header.required("transfer"),
        owner.tenantId(),
        owner.accountId(),
        owner.kind(),
        owner.fetchedAt(),
        status,
        header.value("type"),
        body);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
