package com.smsportal.sheet;

import java.io.IOException;

/**
 * A file refused with the reason's message key (and its argument, such as the cell {@code B7}),
 * shown next to the file field. The keys are the send upload's ({@code send.error.file*}).
 */
public class SheetRefused extends IOException {

  private final String messageKey;
  private final String argument;

  public SheetRefused(String messageKey, String detail) {
    this(messageKey, detail, null);
  }

  public SheetRefused(String messageKey, String detail, String argument) {
    super(detail);
    this.messageKey = messageKey;
    this.argument = argument;
  }

  public String messageKey() {
    return messageKey;
  }

  /** What the message names (a cell such as {@code B7}), or null. */
  public String argument() {
    return argument;
  }

  static SheetRefused textTooLong() {
    return new SheetRefused(
        "send.error.fileTextTooLong",
        "more than " + SheetLimits.MAX_TEXT_CHARS + " characters of text");
  }

  static SheetRefused cellTooLong(String cell) {
    return new SheetRefused("send.error.fileCellTooLong", "a cell longer than Excel allows", cell);
  }
}
