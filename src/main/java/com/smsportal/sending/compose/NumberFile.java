package com.smsportal.sending.compose;

import com.smsportal.sending.message.PastedNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of an uploaded file of numbers, for {@link PastedNumbers#parse}: a CSV or TXT (UTF-8,
 * with or without a byte-order mark), or an Excel workbook (XLSX), whose first sheet gives one
 * entry per cell. Numbers typed into Excel are numeric cells (13800138000.0): written back as plain
 * digits, never in exponent notation.
 *
 * <p>Whatever a customer uploads, one request's memory and time stay bounded (issues 13 and 20):
 *
 * <ul>
 *   <li>the file itself is at most {@link SendController#MAX_FILE_BYTES};
 *   <li>a workbook is read as a stream of XML events, never loaded whole; no part of it may unpack
 *       to more than {@link #MAX_UNPACKED_PART} bytes, and the small parts POI reads as a whole
 *       (content types, relationships, properties, the workbook) to more than {@link
 *       #MAX_SMALL_PART} each;
 *   <li>the XML of the sheet and of the shared strings may not hold a stretch of more than {@link
 *       #MAX_MARKUP_RUN} bytes without a tag (the parser would buffer it whole: a 60 MB attribute),
 *       nor comments, CDATA sections or a DOCTYPE (which Excel never writes);
 *   <li>a numeric cell is refused, naming the cell, unless it can be a phone number: a whole number
 *       of at most {@link #MAX_NUMBER_DIGITS} digits, not negative. It is checked before it is
 *       written out, so {@code 1E200000000} is refused, never expanded to 200 million digits;
 *   <li>no cell may hold more than {@link #MAX_CELL_CHARS} characters (Excel's own limit); the text
 *       of the sheet's cells may not pass {@link #MAX_TEXT_CHARS}, nor may the shared strings; at
 *       most {@link #MAX_ENTRIES} shared strings are kept, and reading stops at the {@link
 *       #MAX_ENTRIES}th entry. Beyond the upload, a workbook's reading holds at most the two texts
 *       (some MB for the largest legitimate files), and refuses a crafted one within a few MB.
 * </ul>
 *
 * A workbook of 1 MB can unpack to 100 MB of sheet: it is refused once it crosses a limit, not read
 * to its end. The workbook is read by {@link NumberWorkbook}, its cells by {@link SheetCells} and
 * {@link SharedStrings}.
 */
public final class NumberFile {

  /** The largest upload of numbers (the send form's file, an opt-out import). */
  public static final int MAX_FILE_BYTES = SendController.MAX_FILE_BYTES;

  /** Entries (non-empty cells) of a workbook read at most; a job of more is not an upload's. */
  static final int MAX_ENTRIES = 200_000;

  /**
   * The text an upload may give, in characters: 200,000 entries of up to 20 characters each (an
   * 11-digit number is 12 with its line break; "+86 138-0013-8000" is 18), and every CSV or TXT of
   * {@link SendController#MAX_FILE_BYTES}.
   */
  static final int MAX_TEXT_CHARS = 4 * 1024 * 1024;

  /** The most characters Excel itself lets a cell hold. */
  static final int MAX_CELL_CHARS = 32_767;

  /**
   * The most digits of a numeric cell that can be a phone number: 0086 and 11 digits is 15, and
   * Excel keeps 15 significant digits of a number.
   */
  static final int MAX_NUMBER_DIGITS = 15;

  /**
   * The longest value of a numeric cell that is read as a number: Excel writes at most 17
   * significant digits and an exponent ({@code 1.3800138000000001E+10}).
   */
  static final int MAX_NUMBER_TEXT = 40;

  /** What one part of a workbook may unpack to: about a million rows of numbers. */
  static final long MAX_UNPACKED_PART = 64L * 1024 * 1024;

  /** What a part that POI reads whole (as a DOM) may unpack to; Excel's are a few KB. */
  static final long MAX_SMALL_PART = 1024L * 1024;

  /** The most parts (zip entries) a workbook may have; Excel's have a few dozen. */
  static final int MAX_PARTS = 1_000;

  /**
   * The longest stretch of a sheet's XML without a tag: a cell of {@link #MAX_CELL_CHARS}
   * characters written as character references fits ten times over.
   */
  static final int MAX_MARKUP_RUN = 1024 * 1024;

  /** A file refused with the reason's message key (and its argument), next to the file field. */
  public static final class Refused extends IOException {

    private final String messageKey;
    private final String argument;

    Refused(String messageKey, String detail) {
      this(messageKey, detail, null);
    }

    Refused(String messageKey, String detail, String argument) {
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
  }

  private NumberFile() {}

  /**
   * @throws Refused if the file holds too much, or cannot be read as what it claims to be
   */
  public static String text(String filename, byte[] bytes) throws Refused {
    if (isXlsx(filename, bytes)) {
      return NumberWorkbook.firstSheet(bytes);
    }
    if (bytes.length > MAX_TEXT_CHARS) {
      throw textTooLong();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The file's rows as CSV text (a spreadsheet of recipients with a header row, issue 24): a CSV as
   * it is, a workbook's first sheet written as CSV records, under the same guards as {@link #text}.
   *
   * @throws Refused if the file holds too much, or cannot be read as what it claims to be
   */
  public static String rows(String filename, byte[] bytes) throws Refused {
    if (isXlsx(filename, bytes)) {
      return NumberWorkbook.firstSheetRows(bytes);
    }
    return text(filename, bytes);
  }

  /** By its name, or by the zip signature an XLSX starts with. */
  private static boolean isXlsx(String filename, byte[] bytes) {
    boolean named = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3;
    return named || zip;
  }

  static Refused textTooLong() {
    return new Refused(
        "send.error.fileTextTooLong", "more than " + MAX_TEXT_CHARS + " characters of text");
  }

  static Refused cellTooLong(String cell) {
    return new Refused("send.error.fileCellTooLong", "a cell longer than Excel allows", cell);
  }
}
