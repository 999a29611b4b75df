package com.smsportal.templates;

import java.util.List;

/**
 * An approved template as compose uses it.
 *
 * @param text the whole text to send: the signature followed by the content, with its {@code
 *     ${placeholders}}
 * @param placeholders the placeholder names in the order they first appear
 */
public record TemplateText(long id, String name, String text, List<String> placeholders) {

  public TemplateText {
    placeholders = List.copyOf(placeholders);
  }
}
