package com.smsportal.message;

/**
 * Counts SMS segments. A message of GSM-7 characters only goes as GSM-7: 160 septets alone, 153 per
 * part when split (extension characters such as € and [ take two septets and are never cut in two).
 * Anything else, Chinese above all, goes as UCS-2: 70 UTF-16 units alone, 67 per part, a character
 * outside the BMP (emoji, rare CJK) taking two units and never cut in two. The signature 【…】 is
 * part of the text and counts like the rest.
 */
public final class MessageSegments {

  static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  private MessageSegments() {}

  public static SegmentCount count(String text) {
    String message = text == null ? "" : text;
    return isGsm7(message) ? gsm7(message) : ucs2(message);
  }

  static boolean isGsm7(String text) {
    return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
  }

  private static SegmentCount gsm7(String text) {
    int septets = 0;
    for (char c : text.toCharArray()) {
      septets += GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }
    if (septets <= 160) {
      return new SegmentCount(SegmentCount.Encoding.GSM_7, septets, septets == 0 ? 0 : 1, 160);
    }
    int segments = 1;
    int used = 0;
    for (char c : text.toCharArray()) {
      int size = GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
      if (used + size > 153) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return new SegmentCount(SegmentCount.Encoding.GSM_7, septets, segments, 153);
  }

  private static SegmentCount ucs2(String text) {
    int units = text.length();
    if (units <= 70) {
      return new SegmentCount(SegmentCount.Encoding.UCS_2, units, units == 0 ? 0 : 1, 70);
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int size = Character.charCount(text.codePointAt(i));
      if (used + size > 67) {
        segments++;
        used = 0;
      }
      used += size;
      i += size;
    }
    return new SegmentCount(SegmentCount.Encoding.UCS_2, units, segments, 67);
  }
}
