package com.smsportal.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message text with placeholders (issue 24): {@code ${name}}, the name made of letters, digits
 * and underscores. Read once into its parts; a text that cannot be read says what is wrong and
 * where (the 1-based character position of the {@code $} that opens the faulty placeholder), so a
 * form can put the message next to its field. A lone {@code $} not followed by <code>{</code> is
 * plain text (prices: {@code $5}).
 */
public final class Placeholders {

  /** Letters (any script), digits and underscores: the names a placeholder may have. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_]{1,40}");

  /** What is wrong with a text: a message key, its position and the text it is about. */
  public record Fault(String key, int position, String detail) {}

  /** A text read into literal parts and placeholder names, in order. */
  public record Parsed(List<Part> parts, Set<String> names) {

    public Parsed {
      parts = List.copyOf(parts);
      names = Set.copyOf(new LinkedHashSet<>(names));
    }

    /** The placeholder names in the order they first appear. */
    public List<String> orderedNames() {
      List<String> ordered = new ArrayList<>();
      for (Part part : parts) {
        if (part.placeholder() && !ordered.contains(part.text())) {
          ordered.add(part.text());
        }
      }
      return ordered;
    }

    /** Whether the text has any placeholder. */
    public boolean personalised() {
      return !names.isEmpty();
    }

    /**
     * The text with each placeholder replaced by its value; null when a value is missing or blank
     * (see {@link #missing}).
     */
    public String render(Map<String, String> values) {
      StringBuilder out = new StringBuilder();
      for (Part part : parts) {
        if (!part.placeholder()) {
          out.append(part.text());
          continue;
        }
        String value = values.get(part.text());
        if (value == null || value.isBlank()) {
          return null;
        }
        out.append(value.strip());
      }
      return out.toString();
    }

    /** The names whose value is missing or blank in {@code values}, in order of appearance. */
    public List<String> missing(Map<String, String> values) {
      List<String> missing = new ArrayList<>();
      for (String name : orderedNames()) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
          missing.add(name);
        }
      }
      return missing;
    }
  }

  /** A literal piece of text, or the name of a placeholder. */
  public record Part(String text, boolean placeholder) {}

  /** The outcome of reading a text: its parts, or the first fault found. */
  public record Reading(Parsed parsed, Fault fault) {

    public boolean ok() {
      return fault == null;
    }
  }

  private Placeholders() {}

  /** Reads {@code text}; a fault names the first unbalanced or malformed placeholder. */
  public static Reading read(String text) {
    String source = text == null ? "" : text;
    List<Part> parts = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '}') {
        return new Reading(null, new Fault("placeholder.unopened", i + 1, "}"));
      }
      if (c != '$' || i + 1 >= source.length() || source.charAt(i + 1) != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = source.indexOf('}', i + 2);
      int nextOpen = source.indexOf("${", i + 2);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        return new Reading(null, new Fault("placeholder.unclosed", i + 1, "${"));
      }
      String name = source.substring(i + 2, close);
      if (!NAME.matcher(name).matches()) {
        return new Reading(
            null, new Fault("placeholder.badName", i + 1, source.substring(i, close + 1)));
      }
      if (!literal.isEmpty()) {
        parts.add(new Part(literal.toString(), false));
        literal.setLength(0);
      }
      parts.add(new Part(name, true));
      names.add(name);
      i = close + 1;
    }
    if (!literal.isEmpty()) {
      parts.add(new Part(literal.toString(), false));
    }
    return new Reading(new Parsed(parts, names), null);
  }
}
