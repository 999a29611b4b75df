package com.smsportal.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * An audit entry's detail as message keys with arguments, so that every reader sees it in their own
 * language. It is one or more parts, each a key of the message bundles and its arguments; an
 * argument is either shown as it is (a name, a number) or, made with {@link #text}, itself a key.
 *
 * <p>Stored in the entry's detail column behind a control character no typed text carries, so that
 * details written as plain text before (and free text such as a reason) still read as stored.
 */
public final class AuditDetail {

  private static final char MARK = '\u0001';
  private static final char PART = '\u001E';
  private static final char ARG = '\u001F';
  private static final char KEY = '\u0002';

  /** An argument that is itself a message key, shown translated. */
  public record Text(String key) {}

  private record Part(String key, List<Object> args) {}

  private final List<Part> parts;

  private AuditDetail(List<Part> parts) {
    this.parts = parts;
  }

  /** A detail of one part: {@code key} with its arguments. */
  public static AuditDetail of(String key, Object... args) {
    return new AuditDetail(List.of(part(key, args)));
  }

  /**
   * An export's filter: "label: value" for each field that is set, or "no filter". {@code
   * labelsAndValues} alternates a label's message key (the page's own) and the field's value.
   */
  public static AuditDetail filter(Object... labelsAndValues) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      Object value = labelsAndValues[i + 1];
      if (value != null) {
        parts.add(
            part("audit.detail.filter", new Object[] {text((String) labelsAndValues[i]), value}));
      }
    }
    return parts.isEmpty() ? of("audit.detail.unfiltered") : new AuditDetail(List.copyOf(parts));
  }

  /** A message key as an argument: shown translated, not as the key. */
  public static Text text(String key) {
    return new Text(key);
  }

  /** This detail with one more part. */
  public AuditDetail and(String key, Object... args) {
    List<Part> more = new ArrayList<>(parts);
    more.add(part(key, args));
    return new AuditDetail(List.copyOf(more));
  }

  /** This detail followed by every part of {@code other}. */
  public AuditDetail and(AuditDetail other) {
    List<Part> more = new ArrayList<>(parts);
    more.addAll(other.parts);
    return new AuditDetail(List.copyOf(more));
  }

  private static Part part(String key, Object[] args) {
    List<Object> kept =
        Arrays.stream(args)
            .map(a -> a instanceof Text ? a : a == null ? new Text("audit.detail.none") : clean(a))
            .toList();
    return new Part(key, kept);
  }

  private static String clean(Object arg) {
    return arg.toString().replaceAll("[\\u0000-\\u001F]", " ");
  }

  /** The stored form (what a query of the audit table finds). */
  public String encode() {
    StringBuilder out = new StringBuilder().append(MARK);
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(PART);
      }
      out.append(parts.get(i).key());
      for (Object arg : parts.get(i).args()) {
        out.append(ARG);
        out.append(arg instanceof Text t ? KEY + t.key() : arg.toString());
      }
    }
    return out.toString();
  }

  /** The detail in {@code stored}, or empty for plain text (written before, or free text). */
  static Optional<AuditDetail> decode(String stored) {
    if (stored == null || stored.isEmpty() || stored.charAt(0) != MARK) {
      return Optional.empty();
    }
    List<Part> parts = new ArrayList<>();
    for (String part : stored.substring(1).split(String.valueOf(PART), -1)) {
      String[] pieces = part.split(String.valueOf(ARG), -1);
      List<Object> args = new ArrayList<>();
      for (int i = 1; i < pieces.length; i++) {
        String piece = pieces[i];
        args.add(!piece.isEmpty() && piece.charAt(0) == KEY ? new Text(piece.substring(1)) : piece);
      }
      parts.add(new Part(pieces[0], List.copyOf(args)));
    }
    return Optional.of(new AuditDetail(List.copyOf(parts)));
  }

  /** The detail in {@code locale}: its parts, each translated, separated by "; ". */
  String render(MessageSource messages, Locale locale) {
    List<String> shown = new ArrayList<>();
    for (Part part : parts) {
      Object[] args =
          part.args().stream()
              .map(
                  a ->
                      a instanceof Text t ? messages.getMessage(t.key(), null, t.key(), locale) : a)
              .toArray();
      shown.add(messages.getMessage(part.key(), args, part.key(), locale));
    }
    return String.join(messages.getMessage("audit.detail.separator", null, "; ", locale), shown);
  }
}
