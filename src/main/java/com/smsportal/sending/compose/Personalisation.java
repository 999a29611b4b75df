package com.smsportal.sending.compose;

import com.smsportal.message.MessageSegments;
import com.smsportal.message.Placeholders;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.PersonalOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders a text with placeholders for every row of a {@link PersonalSource} (issue 24): each row's
 * number read as the send form reads it, its text rendered, recipients with the same text grouped
 * (the gateway's send carries one content for many numbers, so each distinct text is its own
 * calls). A row with a missing value refuses the whole send or is skipped, by the user's choice; a
 * number given twice keeps its first row; numbers on the opt-out list are left out. Holds each
 * distinct text once and each number once, never the rows.
 */
final class Personalisation {

  /** What a row with a missing value does: refuse the whole send (the default), or is skipped. */
  enum Missing {
    REFUSE,
    SKIP;

    static Missing of(String value) {
      return "skip".equalsIgnoreCase(value == null ? "" : value.strip()) ? SKIP : REFUSE;
    }

    String formValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Lines named in a message at most. */
  static final int SHOWN_LINES = 10;

  static final int SAMPLES = 3;

  /** One rendered message as the pages show it. */
  record Sample(String mobile, String text, int segments) {}

  /**
   * What the rows gave.
   *
   * @param texts each distinct text with its numbers, in order of first appearance
   * @param missingLines the first {@value #SHOWN_LINES} lines with a missing value
   */
  record Rendered(
      List<PersonalOrder.Text> texts,
      int rows,
      int invalidCount,
      List<Integer> invalidLines,
      int duplicates,
      int missingCount,
      List<Integer> missingLines,
      int optedOutCount,
      List<Sample> samples,
      long totalSegments) {

    public int recipients() {
      return texts.stream().mapToInt(t -> t.mobiles().size()).sum();
    }

    /** Gateway calls: each distinct text's numbers in chunks of the account's size. */
    long calls(int chunkSize) {
      int size = Math.max(1, chunkSize);
      return texts.stream().mapToLong(t -> (t.mobiles().size() + size - 1) / size).sum();
    }

    /** Every number that will be sent, opted-out ones left out. */
    List<String> mobiles() {
      List<String> all = new ArrayList<>();
      texts.forEach(t -> all.addAll(t.mobiles()));
      return all;
    }
  }

  private Personalisation() {}

  /** The placeholders of {@code template} the source has no column for, in order of appearance. */
  static List<String> unknown(Placeholders.Parsed template, PersonalSource source) {
    Set<String> columns = source.columns();
    return template.orderedNames().stream().filter(n -> !columns.contains(n)).toList();
  }

  /**
   * @param optedOut which of the numbers are on the tenant's opt-out list
   */
  static Rendered render(
      Placeholders.Parsed template,
      PersonalSource source,
      Missing mode,
      Function<List<String>, Set<String>> optedOut) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    int[] counts = new int[4]; // rows, invalid, duplicates, missing
    List<Integer> invalidLines = new ArrayList<>();
    List<Integer> missingLines = new ArrayList<>();
    source.rows(
        row -> {
          counts[0]++;
          String mobile = MobileNumber.mainland(row.mobile());
          if (mobile == null) {
            counts[1]++;
            addLine(invalidLines, row.line());
            return;
          }
          String text = template.render(row.values());
          if (text == null) {
            counts[3]++;
            addLine(missingLines, row.line());
            return;
          }
          if (!seen.add(mobile)) {
            counts[2]++;
            return;
          }
          // One String per distinct text: equal renderings share the map's key.
          groups.computeIfAbsent(text, t -> new ArrayList<>()).add(mobile);
        });
    Set<String> listed = seen.isEmpty() ? Set.of() : optedOut.apply(new ArrayList<>(seen));
    List<PersonalOrder.Text> texts = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    long segments = 0;
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      List<String> mobiles =
          listed.isEmpty()
              ? group.getValue()
              : group.getValue().stream().filter(m -> !listed.contains(m)).toList();
      if (mobiles.isEmpty()) {
        continue;
      }
      int perMessage = MessageSegments.count(group.getKey()).segments();
      segments += (long) perMessage * mobiles.size();
      texts.add(new PersonalOrder.Text(group.getKey(), mobiles));
      if (samples.size() < SAMPLES) {
        samples.add(new Sample(mobiles.get(0), group.getKey(), perMessage));
      }
    }
    return new Rendered(
        texts,
        counts[0],
        counts[1],
        invalidLines,
        counts[2],
        counts[3],
        missingLines,
        listed.size(),
        samples,
        segments);
  }

  private static void addLine(List<Integer> lines, int line) {
    if (lines.size() < SHOWN_LINES) {
      lines.add(line);
    }
  }
}
