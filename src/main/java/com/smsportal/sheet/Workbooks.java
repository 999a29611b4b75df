package com.smsportal.sheet;

import static com.smsportal.sheet.SheetLimits.MAX_ENTRIES;
import static com.smsportal.sheet.SheetLimits.MAX_MARKUP_RUN;
import static com.smsportal.sheet.SheetLimits.MAX_PARTS;
import static com.smsportal.sheet.SheetLimits.MAX_SMALL_PART;
import static com.smsportal.sheet.SheetLimits.MAX_UNPACKED_PART;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An uploaded Excel workbook (XLSX), read as a stream of XML events within the limits {@link
 * SheetLimits} sets: the package's parts checked before POI opens it, then the shared strings and
 * the first sheet, each through a {@link MarkupGuard}. (Until issue 24 {@code
 * sending.compose.NumberWorkbook}.)
 */
public final class Workbooks {

  static {
    // POI's own guard, for every part it opens: inflated bytes counted as they are read.
    ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_PART);
  }

  private Workbooks() {}

  /**
   * Every entry (non-empty cell) of the first sheet, one a line, read as a stream: a file of
   * numbers. A numeric cell that cannot be a phone number is refused; at most {@link
   * SheetLimits#MAX_ENTRIES} entries and {@link SheetLimits#MAX_TEXT_CHARS} characters.
   */
  public static String entries(byte[] bytes) throws SheetRefused {
    StringBuilder out = new StringBuilder();
    TextLimit text = new TextLimit();
    int[] entries = {0};
    SheetCells.Sink sink =
        (row, column, reference, entry) -> {
          if (entry.isBlank()) {
            return;
          }
          if (++entries[0] > MAX_ENTRIES) {
            throw new SheetCells.Full();
          }
          String stripped = entry.strip();
          text.add(stripped.length() + 1);
          out.append(stripped).append('\n');
        };
    try {
      firstSheet(bytes, sink, true);
    } catch (Stopped full) {
      throw new SheetRefused(
          "send.error.fileTooManyEntries", "more than " + MAX_ENTRIES + " entries");
    }
    return out.toString();
  }

  /**
   * The first sheet's cells row by row, read as a stream: each row that has a cell, with its row
   * number and its cells' texts by column (1-based; a missing cell is empty). The rows are not
   * kept; a sink may stop the reading by throwing {@link RowSink.Stop}.
   */
  public static void rows(byte[] bytes, RowSink rows) throws SheetRefused {
    try {
      firstSheet(bytes, new RowCells(rows), false);
    } catch (Stopped stopped) {
      // the sink has what it wanted
    }
  }

  /** The reading stopped early (the entries' limit, or a sink that has what it wanted). */
  static final class Stopped extends Exception {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private static void firstSheet(byte[] bytes, SheetCells.Sink sink, boolean phoneNumbers)
      throws SheetRefused, Stopped {
    Path file = null;
    try {
      // From a file POI reads each part on demand; from a stream it would unpack them all first.
      file = Files.createTempFile("numbers-", ".xlsx");
      Files.write(file, bytes);
      checkSmallParts(file);
      try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        readFirstSheet(workbook, sink, phoneNumbers);
      }
    } catch (SheetRefused | Stopped refusedOrStopped) {
      throw refusedOrStopped;
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException e) {
      if (e.getCause() instanceof SheetRefused refused) {
        throw refused;
      }
      if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
        throw new SheetRefused(
            "send.error.fileUnpackedTooLarge", "a part unpacks beyond the limit");
      }
      throw new SheetRefused("send.error.fileUnreadable", e.getClass().getSimpleName());
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
        throw new SheetRefused("send.error.fileUnreadable", "more than " + MAX_PARTS + " parts");
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
              throw new SheetRefused(
                  "send.error.fileUnpackedTooLarge", entry.getName() + " too large");
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

  private static void readFirstSheet(
      OPCPackage workbook, SheetCells.Sink sink, boolean phoneNumbers)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException, Stopped {
    // Each counted on its own: a sheet of shared strings repeats their text once in its own.
    SharedStrings strings = new SharedStrings(new TextLimit());
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
      return;
    }
    SheetCells cells = new SheetCells(strings, sink, phoneNumbers);
    try (InputStream sheet = sheets.next()) {
      parse(sheet, cells);
    } catch (SheetCells.Full full) {
      throw new Stopped();
    }
  }

  private static void parse(InputStream xml, ContentHandler handler)
      throws IOException, SAXException, ParserConfigurationException {
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(handler);
    try {
      parser.parse(new InputSource(new MarkupGuard(xml)));
    } catch (SAXException e) {
      if (e.getException() instanceof SheetRefused refused) {
        throw refused;
      }
      throw e;
    }
  }

  /**
   * Refuses XML that would make the parser buffer much at once: a stretch of {@link
   * SheetLimits#MAX_MARKUP_RUN} bytes without a tag (a text or an attribute value), and {@code <!}
   * (comments, CDATA sections, a DOCTYPE) or a processing instruction after the declaration, which
   * the parser reads whole whatever tags they hold.
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

    private void see(byte b) throws SheetRefused {
      if (afterLessThan && (b == '!' || (b == '?' && position > 1))) {
        throw new SheetRefused("send.error.fileUnreadable", "comment, CDATA or DOCTYPE in the XML");
      }
      afterLessThan = b == '<';
      sinceTag = afterLessThan ? 0 : sinceTag + 1;
      position++;
      if (sinceTag > MAX_MARKUP_RUN) {
        throw new SheetRefused("send.error.fileUnreadable", "a stretch of XML without a tag");
      }
    }
  }
}
