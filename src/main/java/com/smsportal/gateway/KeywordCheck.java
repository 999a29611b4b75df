package com.smsportal.gateway;

import java.util.List;

/**
 * The answer of {@code checkkeyword}.
 *
 * @param clean true when the gateway found no blocked word (没有包含屏蔽词)
 * @param words the blocked words found, when the gateway named them
 * @param message the gateway's own message
 */
public record KeywordCheck(boolean clean, List<String> words, String message, String rawAnswer) {

  public KeywordCheck {
    words = words == null ? List.of() : List.copyOf(words);
  }
}
