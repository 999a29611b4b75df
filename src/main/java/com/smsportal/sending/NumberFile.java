package com.smsportal.sending;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The text of an uploaded file of numbers, for {@link MobileNumbers#parse}: a CSV or TXT (UTF-8,
 * with or without a byte-order mark), or an Excel workbook (XLSX), whose first sheet gives one
 * entry per cell. Numbers typed into Excel are numeric cells (13800138000.0): written back as plain
 * digits, never in exponent notation.
 */
final class NumberFile {

  private NumberFile() {}

  static String text(String filename, byte[] bytes) throws IOException {
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

  private static String sheet(byte[] bytes) throws IOException {
    StringBuilder out = new StringBuilder();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        return "";
      }
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        for (Cell cell : row) {
          String value = value(cell, cell.getCellType());
          if (!value.isBlank()) {
            out.append(value.strip()).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static String value(Cell cell, CellType type) {
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC ->
          BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case FORMULA -> value(cell, cell.getCachedFormulaResultType());
      default -> "";
    };
  }
}
