package com.smsportal.sending.compose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks written by hand, part by part, as an attacker's or a small tool would: a first sheet
 * whose XML is exactly what the test says, and optionally shared strings.
 */
final class CraftedWorkbooks {

  private CraftedWorkbooks() {}

  /** The 1.5 KB workbook of issue 20: one numeric cell {@code 1E200000000}, at B3. */
  static byte[] exponentBomb() throws IOException {
    return workbook(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>手机号</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\"><v>13800138000</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>13900139000</v></c><c r=\"B3\"><v>1E200000000</v></c>"
            + "</row>",
        null);
  }

  /** Writes the rows of a first sheet's {@code <sheetData>}. */
  @FunctionalInterface
  interface Rows {
    void writeTo(Writer sheet) throws IOException;
  }

  /** A workbook whose first sheet's {@code <sheetData>} holds {@code rows}. */
  static byte[] workbook(String rows, String sharedStrings) throws IOException {
    return workbook(sheet -> sheet.write(rows), sharedStrings);
  }

  /**
   * A workbook whose first sheet's rows are written as they are made, for a sheet too large to be
   * held as one string.
   */
  static byte[] workbook(Rows rows, String sharedStrings) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      String strings =
          sharedStrings == null
              ? ""
              : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                  + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
      part(
          zip,
          "[Content_Types].xml",
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/"
              + "vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + strings
              + "</Types>");
      part(
          zip,
          "_rels/.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
              + "</Relationships>");
      part(
          zip,
          "xl/workbook.xml",
          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      part(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              + (sharedStrings == null
                  ? ""
                  : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                      + "officeDocument/2006/relationships/sharedStrings\""
                      + " Target=\"sharedStrings.xml\"/>")
              + "</Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      // Not closed: that would close the zip; flushed before the entry is.
      Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      sheet.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              + "<sheetData>");
      rows.writeTo(sheet);
      sheet.write("</sheetData></worksheet>");
      sheet.flush();
      zip.closeEntry();
      if (sharedStrings != null) {
        part(
            zip,
            "xl/sharedStrings.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + sharedStrings
                + "</sst>");
      }
    }
    return bytes.toByteArray();
  }

  private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
