package com.smsportal.sending.compose;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.message.MessageSegments;
import com.smsportal.message.SegmentCount;
import com.smsportal.sending.message.ParsedNumbers;
import com.smsportal.sending.message.PastedNumbers;
import java.nio.charset.CharsetEncoder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the compose page tells the user while they type: who the message goes to, how many segments
 * it takes, what it will cost, and what to fix before sending.
 *
 * @param shownInvalid the first {@value #SHOWN_INVALID} entries that are not mobile numbers
 * @param optedOutCount valid numbers on the tenant's opt-out list: they will be left out
 * @param shownOptedOut the first {@value #SHOWN_INVALID} of those
 * @param hasOptOut whether the text has an opt-out phrase ({@link OptOutHint})
 * @param optOutHint whether to suggest one: a text that has none and is not a verification code
 * @param notCarried characters of the content the chosen account's charset cannot carry (GBK:
 *     emoji, rare CJK outside GBK…), each once, in the order they appear; the submit refuses them
 * @param cost segments × numbers that will be sent: what a prepaid account is charged
 */
public record ComposeAnalysis(
    int validCount,
    int invalidCount,
    List<String> shownInvalid,
    int duplicatesDropped,
    int optedOutCount,
    List<String> shownOptedOut,
    SegmentCount segments,
    int characters,
    boolean hasSignature,
    boolean hasOptOut,
    boolean optOutHint,
    List<String> notCarried,
    long cost) {

  public static final int SHOWN_INVALID = 50;

  /**
   * 【2 to 12 characters】, as a signature application (issue 24) at the very start: the signature
   * carriers expect.
   */
  private static final Pattern SIGNATURE = Pattern.compile("^【[^【】]{2,12}】");

  public ComposeAnalysis {
    shownInvalid = List.copyOf(shownInvalid);
    shownOptedOut = List.copyOf(shownOptedOut);
    notCarried = List.copyOf(notCarried);
  }

  /** Without an opt-out list or an account's charset. */
  public static ComposeAnalysis of(String mobiles, String content) {
    return of(mobiles, content, valid -> Set.of(), null);
  }

  /**
   * @param optedOut which of the valid numbers are on the opt-out list
   * @param charset the chosen account's charset; null when none is chosen
   */
  static ComposeAnalysis of(
      String mobiles,
      String content,
      Function<List<String>, Set<String>> optedOut,
      GatewayCharset charset) {
    ParsedNumbers numbers = PastedNumbers.parse(mobiles);
    Set<String> listed = numbers.valid().isEmpty() ? Set.of() : optedOut.apply(numbers.valid());
    return of(numbers, listed, content, charset);
  }

  /** Of numbers already read, {@code listed} those of them on the opt-out list. */
  static ComposeAnalysis of(
      ParsedNumbers numbers, Set<String> listed, String content, GatewayCharset charset) {
    String text = content == null ? "" : content;
    SegmentCount segments = MessageSegments.count(text);
    List<String> invalid = numbers.invalid();
    List<String> excluded =
        listed.isEmpty()
            ? List.of()
            : numbers.valid().stream().filter(listed::contains).limit(SHOWN_INVALID).toList();
    int sent = numbers.valid().size() - listed.size();
    return new ComposeAnalysis(
        numbers.valid().size(),
        invalid.size(),
        invalid.subList(0, Math.min(SHOWN_INVALID, invalid.size())),
        numbers.duplicatesDropped(),
        listed.size(),
        excluded,
        segments,
        text.codePointCount(0, text.length()),
        SIGNATURE.matcher(text).find(),
        OptOutHint.hasOptOutPhrase(text),
        OptOutHint.needed(text),
        charset == null ? List.of() : notCarried(text, charset),
        (long) segments.segments() * sent);
  }

  /**
   * The characters of {@code text} that {@code charset} cannot carry, each once, in order: the same
   * test the gateway client makes before it sends (a lone surrogate counts as one).
   */
  static List<String> notCarried(String text, GatewayCharset charset) {
    CharsetEncoder encoder = charset.charset().newEncoder();
    Set<String> found = new LinkedHashSet<>();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      if (Character.isSurrogate(text.charAt(i)) && Character.charCount(codePoint) == 1
          || !encoder.canEncode(character)) {
        found.add(character);
      }
      i += Character.charCount(codePoint);
    }
    return List.copyOf(found);
  }

  /** The signature 【…】 the text starts with, or null. */
  static String signature(String content) {
    Matcher found = SIGNATURE.matcher(content == null ? "" : content);
    return found.find() ? found.group() : null;
  }

  /** The numbers that will be sent: valid and not opted out. */
  public int sendCount() {
    return validCount - optedOutCount;
  }

  public boolean empty() {
    return validCount == 0 && invalidCount == 0 && characters == 0;
  }
}
