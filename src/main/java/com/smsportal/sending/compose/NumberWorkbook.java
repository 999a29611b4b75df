package com.smsportal.sending.compose;

import static com.smsportal.sending.compose.NumberFile.MAX_ENTRIES;
import static com.smsportal.sending.compose.NumberFile.MAX_MARKUP_RUN;
import static com.smsportal.sending.compose.NumberFile.MAX_PARTS;
import static com.smsportal.sending.compose.NumberFile.MAX_SMALL_PART;
import static com.smsportal.sending.compose.NumberFile.MAX_UNPACKED_PART;

import com.smsportal.sending.compose.NumberFile.Refused;
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
 * NumberFile} sets: the package's parts checked before POI opens it, then the shared strings and
 * the first sheet, each through a {@link MarkupGuard}.
 */
final class NumberWorkbook {

  static {
    // POI's own guard, for every part it opens: inflated bytes counted as they are read.
    ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_PART);
  }

  private NumberWorkbook() {}

  /** Every entry of the first sheet, one a line, read as a stream. */
  static String firstSheet(byte[] bytes) throws Refused {
    return firstSheet(bytes, false);
  }

  /**
   * The first sheet's rows as CSV records, each cell in its column, read as a stream under the same
   * guards: a spreadsheet of recipients (issue 24).
   */
  static String firstSheetRows(byte[] bytes) throws Refused {
    return firstSheet(bytes, true);
  }

  private static String firstSheet(byte[] bytes, boolean rows) throws Refused {
    Path file = null;
    try {
      // From a file POI reads each part on demand; from a stream it would unpack them all first.
      file = Files.createTempFile("numbers-", ".xlsx");
      Files.write(file, bytes);
      checkSmallParts(file);
      try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        return readFirstSheet(workbook, rows);
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

  private static String readFirstSheet(OPCPackage workbook, boolean rows)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
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
      return "";
    }
    SheetCells cells = new SheetCells(strings, new TextLimit(), rows);
    try (InputStream sheet = sheets.next()) {
      parse(sheet, cells);
    } catch (SheetCells.Full full) {
      throw new Refused("send.error.fileTooManyEntries", "more than " + MAX_ENTRIES + " entries");
    }
    return cells.text();
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

  /**
   * Refuses XML that would make the parser buffer much at once: a stretch of {@link
   * NumberFile#MAX_MARKUP_RUN} bytes without a tag (a text or an attribute value), and {@code <!}
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
}
