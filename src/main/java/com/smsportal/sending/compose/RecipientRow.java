package com.smsportal.sending.compose;

import java.util.Map;

/**
 * One recipient of a personalised send, as its source gives it: the number as written and the
 * values its placeholders take, by name.
 *
 * @param line where the source has it, for messages (a spreadsheet's line, header included)
 */
public record RecipientRow(int line, String mobile, Map<String, String> values) {

  public RecipientRow {
    values = Map.copyOf(values);
  }
}
