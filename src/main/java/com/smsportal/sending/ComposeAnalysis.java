package com.smsportal.sending;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the compose page tells the user while they type: who the message goes to, how many segments
 * it takes, what it will cost, and what to fix before sending.
 *
 * @param shownInvalid the first {@value #SHOWN_INVALID} entries that are not mobile numbers
 * @param cost segments × valid numbers: what a prepaid account is charged
 */
public record ComposeAnalysis(
    int validCount,
    int invalidCount,
    List<String> shownInvalid,
    int duplicatesDropped,
    SegmentCount segments,
    int characters,
    boolean hasSignature,
    boolean hasOptOut,
    long cost) {

  public static final int SHOWN_INVALID = 50;

  /** 【2 to 16 characters】 at the very start: the signature carriers expect. */
  private static final Pattern SIGNATURE = Pattern.compile("^【[^【】]{2,16}】");

  public static ComposeAnalysis of(String mobiles, String content) {
    ParsedNumbers numbers = MobileNumbers.parse(mobiles);
    String text = content == null ? "" : content;
    SegmentCount segments = MessageSegments.count(text);
    List<String> invalid = numbers.invalid();
    return new ComposeAnalysis(
        numbers.valid().size(),
        invalid.size(),
        invalid.subList(0, Math.min(SHOWN_INVALID, invalid.size())),
        numbers.duplicatesDropped(),
        segments,
        text.codePointCount(0, text.length()),
        SIGNATURE.matcher(text).find(),
        text.contains("退订"),
        (long) segments.segments() * numbers.valid().size());
  }

  public boolean empty() {
    return validCount == 0 && invalidCount == 0 && characters == 0;
  }
}
