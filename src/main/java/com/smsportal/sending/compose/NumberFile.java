package com.smsportal.sending.compose;

import com.smsportal.sending.message.MobileNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text of an uploaded file of numbers, for {@link MobileNumbers#parse}: a CSV or TXT (UTF-8,
 * with or without a byte-order mark), or an Excel workbook (XLSX), whose first sheet gives one
 * entry per cell. Numbers typed into Excel are numeric cells (13800138000.0): written back as plain
 * digits, never in exponent notation.
 *
 * <p>Whatever a customer uploads, one request's memory and time stay bounded: the file itself is at
 * most {@link SendController#MAX_FILE_BYTES}; a workbook is read as a stream of XML events (never
 * loaded whole), no part of it may unpack to more than {@link #MAX_UNPACKED_PART} bytes (its shared
 * strings, which are held in memory, to more than {@link #MAX_SHARED_STRINGS}), and reading stops
 * at the {@link #MAX_ENTRIES}th entry. A workbook of 1 MB can unpack to 100 MB of sheet: it is
 * refused once it crosses a limit, not read to its end.
 */
final class NumberFile {

  /** Entries (non-empty cells) of a workbook read at most; a job of more is not an upload's. */
  static final int MAX_ENTRIES = 200_000;

  /** What one part of a workbook may unpack to: about a million rows of numbers. */
  static final long MAX_UNPACKED_PART = 64L * 1024 * 1024;

  /** What a workbook's shared strings (kept in memory while reading) may unpack to. */
  static final long MAX_SHARED_STRINGS = 16L * 1024 * 1024;

  static {
    // POI's own guard, for every part it opens: inflated bytes counted as they are read.
    ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_PART);
  }

  /** A file refused with the reason's message key, next to the form's file field. */
  static final class Refused extends IOException {

    private final String messageKey;

    Refused(String messageKey, String detail) {
      super(detail);
      this.messageKey = messageKey;
    }

    String messageKey() {
      return messageKey;
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

  private static String firstSheet(OPCPackage workbook)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    for (PackagePart part :
        workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
      if (part.getSize() > MAX_SHARED_STRINGS) {
        throw new Refused("send.error.fileUnpackedTooLarge", "shared strings too large");
      }
    }
    XSSFReader reader = new XSSFReader(workbook);
    ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    if (!sheets.hasNext()) {
      return "";
    }
    Cells cells = new Cells(strings);
    try (InputStream sheet = sheets.next()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(cells);
      parser.parse(new InputSource(sheet));
    } catch (Cells.Full full) {
      throw new Refused("send.error.fileTooManyEntries", "more than " + MAX_ENTRIES + " entries");
    }
    return cells.text.toString();
  }

  /**
   * The sheet's cells as SAX events ({@code <c t="…"><v>…</v><is><t>…</t></is></c>}): a shared
   * string by its index, an inline string, a number (a formula's cached result too) as plain
   * digits; booleans and errors are no numbers and are left out.
   */
  private static final class Cells extends DefaultHandler {

    /** Thrown to stop reading at the limit. */
    static final class Full extends SAXException {}

    private final ReadOnlySharedStringsTable strings;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder value = new StringBuilder();
    private String type;
    private boolean inValue;
    private int entries;

    Cells(ReadOnlySharedStringsTable strings) {
      this.strings = strings;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes attributes) {
      switch (localName) {
        case "c" -> {
          type = attributes.getValue("t");
          value.setLength(0);
        }
        case "v", "t" -> inValue = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
      switch (localName) {
        case "v", "t" -> inValue = false;
        case "c" -> add(cellText());
        default -> {}
      }
    }

    private String cellText() {
      String raw = value.toString();
      if (raw.isBlank() || "b".equals(type) || "e".equals(type)) {
        return "";
      }
      if ("s".equals(type)) {
        try {
          return strings.getItemAt(Integer.parseInt(raw.strip())).getString();
        } catch (RuntimeException badIndex) {
          return "";
        }
      }
      if ("inlineStr".equals(type) || "str".equals(type)) {
        return raw;
      }
      try {
        return new BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException notANumber) {
        return raw;
      }
    }

    private void add(String entry) throws Full {
      if (entry.isBlank()) {
        return;
      }
      if (++entries > MAX_ENTRIES) {
        throw new Full();
      }
      text.append(entry.strip()).append('\n');
    }
  }
}
