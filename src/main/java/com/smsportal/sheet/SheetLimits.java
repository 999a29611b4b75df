package com.smsportal.sheet;

/**
 * What one upload may hold and give, whatever reads it (the send form's numbers, an opt-out import,
 * a contact import, a personalised send's spreadsheet): one request's memory and time stay bounded
 * (issues 13, 20 and 24). Moved here from {@code sending.compose.NumberFile}, which keeps its
 * reading of a file of numbers on top of them.
 */
public final class SheetLimits {

  /** The largest upload: the send form's file, an opt-out import, a contact import. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  /** Entries (non-empty cells) of a workbook read at most; a job of more is not an upload's. */
  public static final int MAX_ENTRIES = 200_000;

  /** Rows of a sheet read under its header row at most (a contact import, a spreadsheet send). */
  public static final int MAX_ROWS = 200_000;

  /** Columns of a sheet read at most; a cell further right is refused. */
  public static final int MAX_COLUMNS = 100;

  /**
   * The text an upload may give, in characters: 200,000 entries of up to 20 characters each (an
   * 11-digit number is 12 with its line break; "+86 138-0013-8000" is 18), and every CSV or TXT of
   * {@link #MAX_FILE_BYTES}. A sheet read row by row holds only its shared strings to this limit.
   */
  public static final int MAX_TEXT_CHARS = 4 * 1024 * 1024;

  /** The most characters Excel itself lets a cell hold. */
  public static final int MAX_CELL_CHARS = 32_767;

  /**
   * The most digits of a numeric cell that can be a phone number: 0086 and 11 digits is 15, and
   * Excel keeps 15 significant digits of a number.
   */
  public static final int MAX_NUMBER_DIGITS = 15;

  /**
   * The longest value of a numeric cell that is read as a number: Excel writes at most 17
   * significant digits and an exponent ({@code 1.3800138000000001E+10}).
   */
  public static final int MAX_NUMBER_TEXT = 40;

  /** What one part of a workbook may unpack to: about a million rows of numbers. */
  public static final long MAX_UNPACKED_PART = 64L * 1024 * 1024;

  /** What a part that POI reads whole (as a DOM) may unpack to; Excel's are a few KB. */
  public static final long MAX_SMALL_PART = 1024L * 1024;

  /** The most parts (zip entries) a workbook may have; Excel's have a few dozen. */
  public static final int MAX_PARTS = 1_000;

  /**
   * The longest stretch of a sheet's XML without a tag: a cell of {@link #MAX_CELL_CHARS}
   * characters written as character references fits ten times over.
   */
  public static final int MAX_MARKUP_RUN = 1024 * 1024;

  private SheetLimits() {}
}
