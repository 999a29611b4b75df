package com.smsportal.replies;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a reply asks not to be messaged again: its whole text is one of the opt-out words ({@code
 * smsportal.replies.opt-out-words}, by default T, TD, 退订, 取消, N), ignoring case, full- or
 * half-width forms, surrounding spaces and trailing punctuation ("ｔｄ。" counts, "T恤多少钱" does not).
 */
public class OptOutWords {

  private final Set<String> words;

  OptOutWords(List<String> configured) {
    this.words =
        configured.stream()
            .map(OptOutWords::fold)
            .filter(w -> !w.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isOptOut(String reply) {
    return reply != null && words.contains(fold(reply));
  }

  /** NFKC makes full-width letters half-width; then case, spaces and trailing punctuation go. */
  static String fold(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    folded = folded.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+$", "");
    return folded.toUpperCase(Locale.ROOT);
  }
}
