package com.smsportal.polling;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The header of the poller's answer files ({@link Spool}, {@link Landing}): {@code name=value}
 * lines, ended by an empty line, saying whose answer it is. Both read it here, by one set of rules:
 * a line without a value or a name the file does not know, or a missing owner, and the file is not
 * read.
 */
final class AnswerFileHeader {

  private static final Set<String> OWNER = Set.of("tenant", "account", "kind", "fetched");

  /** Whom the answer is for, and when it was fetched: every answer file says it. */
  record Owner(long tenantId, long accountId, InboxKind kind, Instant fetchedAt) {}

  private final Path file;
  private final Map<String, String> values;
  private final Owner owner;

  private AnswerFileHeader(Path file, Map<String, String> values, Owner owner) {
    this.file = file;
    this.values = values;
    this.owner = owner;
  }

  /**
   * Reads the header's lines (without the empty line that ends them).
   *
   * @param more the names this kind of file has besides the owner's
   */
  static AnswerFileHeader read(String lines, Set<String> more, Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines.split("\n")) {
      String[] pair = line.split("=", 2);
      if (pair.length < 2) {
        throw new IOException("a header line without a value in " + file.getFileName());
      }
      if (!OWNER.contains(pair[0]) && !more.contains(pair[0])) {
        throw new IOException("unknown header " + pair[0] + " in " + file.getFileName());
      }
      values.put(pair[0], pair[1]);
    }
    try {
      Owner owner =
          new Owner(
              Long.parseLong(values.getOrDefault("tenant", "0")),
              Long.parseLong(values.getOrDefault("account", "0")),
              values.containsKey("kind") ? InboxKind.valueOf(values.get("kind")) : null,
              values.containsKey("fetched") ? Instant.parse(values.get("fetched")) : null);
      if (owner.kind() == null
          || owner.fetchedAt() == null
          || owner.tenantId() == 0
          || owner.accountId() == 0) {
        throw new IOException("incomplete header in " + file.getFileName());
      }
      return new AnswerFileHeader(file, values, owner);
    } catch (RuntimeException unreadable) {
      throw new IOException("unreadable header in " + file.getFileName() + ": " + unreadable);
    }
  }

  /**
   * The header lines of an answer of this owner, with these further values (null ones left out).
   */
  static StringBuilder write(Owner owner, Map<String, Object> more) {
    StringBuilder header =
        new StringBuilder()
            .append("tenant=")
            .append(owner.tenantId())
            .append("\naccount=")
            .append(owner.accountId())
            .append("\nkind=")
            .append(owner.kind().name())
            .append("\nfetched=")
            .append(owner.fetchedAt());
    more.forEach(
        (name, value) -> {
          if (value != null) {
            header.append('\n').append(name).append('=').append(value);
          }
        });
    return header.append("\n\n");
  }

  Owner owner() {
    return owner;
  }

  /** A further value, or null if the file has none. */
  String value(String name) {
    return values.get(name);
  }

  /** A further value the file must have. */
  String required(String name) throws IOException {
    String value = values.get(name);
    if (value == null) {
      throw new IOException("incomplete header in " + file.getFileName());
    }
    return value;
  }
}
