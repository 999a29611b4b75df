package com.smsportal.sending;

import java.time.Instant;
import java.util.List;

/**
 * A personalised send (issue 24): every recipient gets the text rendered for them from {@code
 * template}, recipients with the same text grouped, since the gateway's send carries one content
 * for many numbers. Stored like any order, before anything is sent, once per idempotency key.
 *
 * @param template the text with its placeholders, as the job page shows it
 * @param texts each distinct rendered text with its numbers (each number in one group only)
 */
public record PersonalOrder(
    long accountId,
    String template,
    List<Text> texts,
    Instant sendTime,
    String extno,
    String idempotencyKey) {

  public PersonalOrder {
    texts = List.copyOf(texts);
  }

  /** One rendered text and the numbers it goes to. */
  public record Text(String content, List<String> mobiles) {

    public Text {
      mobiles = List.copyOf(mobiles);
    }
  }

  /** Every recipient of the order. */
  public int recipients() {
    return texts.stream().mapToInt(t -> t.mobiles().size()).sum();
  }
}
