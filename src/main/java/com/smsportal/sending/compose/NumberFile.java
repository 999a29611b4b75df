package com.smsportal.sending.compose;

import com.smsportal.sending.message.PastedNumbers;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

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
 * to its end.
 */
final class NumberFile {

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

  static {
    // POI's own guard, for every part it opens: inflated bytes counted as they are read.
    ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_PART);
  }

  /** A file refused with the reason's message key (and its argument), next to the file field. */
  static final class Refused extends IOException {

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

    String messageKey() {
      return messageKey;
    }

    /** What the message names (a cell such as {@code B7}), or null. */
    String argument() {
      return argument;
    }
  }

  private NumberFile() {}

  /**
   * @throws Refused if the file holds too much, or cannot be read as what it claims to be
   */
  static String text(String filename, byte[] bytes) throws Refused {
    if (isXlsx(filename, bytes)) {
      return sheet(bytes);
    }
    if (bytes.length > MAX_TEXT_CHARS) {
      throw textTooLong();
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

  /** Every entry of the first sheet, one a line, read as a stream. */
  private static String sheet(byte[] bytes) throws Refused {
    Path file = null;
    try {
      // From a file POI reads each part on demand; from a stream it would unpack them all first.
      file = Files.createTempFile("numbers-", ".xlsx");
      Files.write(file, bytes);
      checkSmallParts(file);
      try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        return firstSheet(workbook);
      }
    } catch (Refused refused) {
      throw refused;
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException e) {
      if (e.getCause() instanceof Refused refused) {
        throw refused;
      }
      if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
        throw new Refused("send.error.fileUnpackedTooLarge", "a part unpacks beyond the limit");
      }
      throw new Refused("send.error.fileUnreadable", e.getClass().getSimpleName());
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // The temporary directory is cleaned by the system.
        }
      }
    }
  }

  /**
   * Before POI opens the package: few parts, and each part POI parses whole (as a DOM, at open)
   * small once unpacked, counted as it inflates (the sizes a zip declares may lie).
   */
  private static void checkSmallParts(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_PARTS) {
        throw new Refused("send.error.fileUnreadable", "more than " + MAX_PARTS + " parts");
      }
      byte[] buffer = new byte[8192];
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!readWhole(entry.getName())) {
          continue;
        }
        long unpacked = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            unpacked += n;
            if (unpacked > MAX_SMALL_PART) {
              throw new Refused("send.error.fileUnpackedTooLarge", entry.getName() + " too large");
            }
          }
        }
      }
    }
  }

  /** The parts POI reads whole while we read a sheet: content types, relationships, properties. */
  private static boolean readWhole(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".rels")
        || lower.equals("[content_types].xml")
        || lower.startsWith("docprops/")
        || lower.endsWith("workbook.xml");
  }

  private static String firstSheet(OPCPackage workbook)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    // Each counted on its own: a sheet of shared strings repeats their text once in its own.
    SharedStrings strings = new SharedStrings(new Text());
    List<PackagePart> stringParts =
        workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    if (!stringParts.isEmpty()) {
      try (InputStream in = stringParts.get(0).getInputStream()) {
        parse(in, strings);
      }
    }
    XSSFReader reader = new XSSFReader(workbook);
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    if (!sheets.hasNext()) {
      return "";
    }
    Cells cells = new Cells(strings, new Text());
    try (InputStream sheet = sheets.next()) {
      parse(sheet, cells);
    } catch (Cells.Full full) {
      throw new Refused("send.error.fileTooManyEntries", "more than " + MAX_ENTRIES + " entries");
    }
    return cells.out.toString();
  }

  private static void parse(InputStream xml, ContentHandler handler)
      throws IOException, SAXException, ParserConfigurationException {
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(handler);
    try {
      parser.parse(new InputSource(new MarkupGuard(xml)));
    } catch (SAXException e) {
      if (e.getException() instanceof Refused refused) {
        throw refused;
      }
      throw e;
    }
  }

  private static Refused textTooLong() {
    return new Refused(
        "send.error.fileTextTooLong", "more than " + MAX_TEXT_CHARS + " characters of text");
  }

  /** Counts the characters the whole file gives: its cells and its shared strings. */
  private static final class Text {

    private long chars;

    void add(int length) throws SAXException {
      chars += length;
      if (chars > MAX_TEXT_CHARS) {
        throw new SAXException(textTooLong());
      }
    }
  }

  /**
   * Refuses XML that would make the parser buffer much at once: a stretch of {@link
   * #MAX_MARKUP_RUN} bytes without a tag (a text or an attribute value), and {@code <!} (comments,
   * CDATA sections, a DOCTYPE) or a processing instruction after the declaration, which the parser
   * reads whole whatever tags they hold.
   */
  private static final class MarkupGuard extends FilterInputStream {

    private long sinceTag;
    private long position;
    private boolean afterLessThan;

    MarkupGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        see((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        see(buffer[offset + i]);
      }
      return n;
    }

    private void see(byte b) throws Refused {
      if (afterLessThan && (b == '!' || (b == '?' && position > 1))) {
        throw new Refused("send.error.fileUnreadable", "comment, CDATA or DOCTYPE in the XML");
      }
      afterLessThan = b == '<';
      sinceTag = afterLessThan ? 0 : sinceTag + 1;
      position++;
      if (sinceTag > MAX_MARKUP_RUN) {
        throw new Refused("send.error.fileUnreadable", "a stretch of XML without a tag");
      }
    }
  }

  /**
   * The shared strings ({@code <si>}, with the text of its {@code <t>} runs but not of its phonetic
   * runs {@code <rPh>}), kept in one buffer with their offsets: a few bytes each beyond their text,
   * however many there are. A string longer than {@link #MAX_CELL_CHARS} is kept as too long, and
   * refused only if the sheet uses it.
   */
  static final class SharedStrings extends DefaultHandler {

    private static final int TOO_LONG = -1;

    private final Text text;
    private final StringBuilder chars = new StringBuilder();
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int count;
    private int start;
    private int length;
    private boolean inText;
    private boolean inPhonetic;
    private boolean inItem;

    SharedStrings(Text text) {
      this.text = text;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes attributes)
        throws SAXException {
      switch (localName) {
        case "si" -> {
          if (count >= MAX_ENTRIES) {
            throw new SAXException(
                new Refused("send.error.fileTooManyEntries", "too many shared strings"));
          }
          inItem = true;
          start = chars.length();
          length = 0;
        }
        case "rPh" -> inPhonetic = true;
        case "t" -> inText = inItem && !inPhonetic;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int offset, int n) throws SAXException {
      if (!inText || length == TOO_LONG) {
        return;
      }
      if (length + n > MAX_CELL_CHARS) {
        chars.setLength(start);
        length = TOO_LONG;
        return;
      }
      text.add(n);
      chars.append(ch, offset, n);
      length += n;
    }

    @Override
    public void endElement(String uri, String localName, String name) {
      switch (localName) {
        case "si" -> {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
          }
          starts[count] = start;
          lengths[count] = length;
          count++;
          inItem = false;
        }
        case "rPh" -> inPhonetic = false;
        case "t" -> inText = false;
        default -> {}
      }
    }

    /** The string at {@code index}; empty for a bad index. */
    String get(int index, String cell) throws SAXException {
      if (index < 0 || index >= count) {
        return "";
      }
      if (lengths[index] == TOO_LONG) {
        throw new SAXException(cellTooLong(cell));
      }
      return chars.substring(starts[index], starts[index] + lengths[index]);
    }
  }

  private static Refused cellTooLong(String cell) {
    return new Refused("send.error.fileCellTooLong", "a cell longer than Excel allows", cell);
  }

  /**
   * The sheet's cells as SAX events ({@code <c t="…"><v>…</v><is><t>…</t></is></c>}): a shared
   * string by its index, an inline string, a number (a formula's cached result too) as plain
   * digits; booleans and errors are no numbers and are left out.
   */
  private static final class Cells extends DefaultHandler {

    /** Thrown to stop reading at the limit. */
    static final class Full extends SAXException {}

    private final SharedStrings strings;
    private final Text text;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder value = new StringBuilder();
    private String type;
    private String reference;
    private boolean inValue;
    private boolean inPhonetic;
    private boolean tooLong;
    private int entries;
    private int row;
    private int column;

    Cells(SharedStrings strings, Text text) {
      this.strings = strings;
      this.text = text;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes attributes) {
      switch (localName) {
        case "row" -> {
          String r = attributes.getValue("r");
          row = r != null && r.matches("\\d{1,7}") ? Integer.parseInt(r) : row + 1;
          column = 0;
        }
        case "c" -> {
          type = attributes.getValue("t");
          String r = attributes.getValue("r");
          column++;
          reference = r != null && r.matches("[A-Z]{1,3}\\d{1,7}") ? r : columnName(column) + row;
          value.setLength(0);
          tooLong = false;
        }
        case "rPh" -> inPhonetic = true;
        case "v", "t" -> inValue = !inPhonetic;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!inValue || tooLong) {
        return;
      }
      if (value.length() + length > MAX_CELL_CHARS) {
        tooLong = true;
        value.setLength(0);
        return;
      }
      value.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
      switch (localName) {
        case "v", "t" -> inValue = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> {
          if (tooLong) {
            throw new SAXException(cellTooLong(reference));
          }
          add(cellText());
        }
        default -> {}
      }
    }

    private String cellText() throws SAXException {
      String raw = value.toString();
      if (raw.isBlank() || "b".equals(type) || "e".equals(type)) {
        return "";
      }
      if ("s".equals(type)) {
        String index = raw.strip();
        return index.matches("\\d{1,9}") ? strings.get(Integer.parseInt(index), reference) : "";
      }
      if ("inlineStr".equals(type) || "str".equals(type) || "d".equals(type)) {
        return raw;
      }
      return number(raw.strip());
    }

    /**
     * A numeric cell as plain digits, if it can be a phone number. Checked on the parsed value
     * before any digit is written out: {@code toPlainString} of {@code 1E200000000} would be 200
     * million characters.
     */
    private String number(String raw) throws SAXException {
      if (raw.length() > MAX_NUMBER_TEXT) {
        throw notAPhoneNumber();
      }
      BigDecimal number;
      try {
        number = new BigDecimal(raw);
      } catch (NumberFormatException notANumber) {
        return raw; // not Excel's: kept as the text it is, for the page to show as invalid
      }
      if (number.signum() == 0) {
        return "0";
      }
      if (number.signum() < 0 || number.precision() - number.scale() > MAX_NUMBER_DIGITS) {
        throw notAPhoneNumber(); // negative, or more digits before the point than a phone number
      }
      BigDecimal whole = number.stripTrailingZeros();
      if (whole.scale() > 0) {
        throw notAPhoneNumber(); // a fraction
      }
      return whole.toPlainString();
    }

    private SAXException notAPhoneNumber() {
      return new SAXException(
          new Refused(
              "send.error.fileCellNotANumber",
              "a number that cannot be a phone number",
              reference));
    }

    private void add(String entry) throws SAXException {
      if (entry.isBlank()) {
        return;
      }
      if (++entries > MAX_ENTRIES) {
        throw new Full();
      }
      String stripped = entry.strip();
      text.add(stripped.length() + 1);
      out.append(stripped).append('\n');
    }

    /** 1 → A, 27 → AA. */
    private static String columnName(int column) {
      StringBuilder name = new StringBuilder();
      for (int c = column; c > 0; c = (c - 1) / 26) {
        name.insert(0, (char) ('A' + (c - 1) % 26));
      }
      return name.toString();
    }
  }
}
