package com.smsportal.sending.compose;

import com.smsportal.sending.message.PastedNumbers;
import com.smsportal.sheet.SheetLimits;
import com.smsportal.sheet.SheetRefused;
import com.smsportal.sheet.Workbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

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
 *       to more than {@link SheetLimits#MAX_UNPACKED_PART} bytes, and the small parts POI reads as
 *       a whole (content types, relationships, properties, the workbook) to more than {@link
 *       SheetLimits#MAX_SMALL_PART} each;
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
 * to its end. The limits and the workbook's reading are the shared module {@code sheet}'s (moved
 * there in issue 24, so that a contact import reads the same way): {@link SheetLimits}, {@link
 * Workbooks}.
 */
public final class NumberFile {

  /** The largest upload of numbers (the send form's file, an opt-out import). */
  public static final int MAX_FILE_BYTES = SheetLimits.MAX_FILE_BYTES;

  static final int MAX_ENTRIES = SheetLimits.MAX_ENTRIES;
  static final int MAX_TEXT_CHARS = SheetLimits.MAX_TEXT_CHARS;
  static final int MAX_CELL_CHARS = SheetLimits.MAX_CELL_CHARS;
  static final int MAX_NUMBER_DIGITS = SheetLimits.MAX_NUMBER_DIGITS;
  static final int MAX_MARKUP_RUN = SheetLimits.MAX_MARKUP_RUN;

  /** A file refused with the reason's message key (and its argument), next to the file field. */
  public static final class Refused extends SheetRefused {

    Refused(SheetRefused refused) {
      super(refused.messageKey(), refused.getMessage(), refused.argument());
    }
  }

  private NumberFile() {}

  /** The file names a number file may have. */
  static final Set<String> FILE_TYPES = Set.of("csv", "txt", "xlsx");

  /**
   * The text of the compose form's uploaded number file, or "" with the objection next to the
   * form's {@code file} field (a wrong type, too large, damaged or disguised: nothing is stored).
   * Moved from {@link SendReview} (issue 25).
   */
  static String upload(MultipartFile file, FormErrors errors) throws IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!FILE_TYPES.contains(type)) {
      errors.add("file", "send.error.fileType", name);
      return "";
    }
    if (file.getSize() > SendController.MAX_FILE_BYTES) {
      errors.add("file", "send.error.fileTooLarge", null);
      return "";
    }
    try {
      return text(name, file.getBytes());
    } catch (Refused refused) {
      errors.add("file", refused.messageKey(), refused.argument());
      return "";
    }
  }

  /**
   * @throws Refused if the file holds too much, or cannot be read as what it claims to be
   */
  public static String text(String filename, byte[] bytes) throws Refused {
    if (isXlsx(filename, bytes)) {
      try {
        return Workbooks.entries(bytes);
      } catch (SheetRefused refused) {
        throw new Refused(refused);
      }
    }
    if (bytes.length > MAX_TEXT_CHARS) {
      throw new Refused(
          new SheetRefused(
              "send.error.fileTextTooLong", "more than " + MAX_TEXT_CHARS + " characters of text"));
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** By its name, or by the zip signature an XLSX starts with. */
  private static boolean isXlsx(String filename, byte[] bytes) {
    boolean named = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3;
    return named || zip;
  }
}
