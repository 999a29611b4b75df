package com.smsportal.statements;

import com.smsportal.dashboard.BalanceHistory;
import com.smsportal.web.Times;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A statement as an XLSX, written as a stream (POI's SXSSF: a window of rows in memory, the rest in
 * temporary files, which {@link #write} disposes of whatever happens). The header row (frozen) in
 * the reader's language, one row per day with the day as a date cell and every figure a numeric
 * cell, a totals row, then the balance at the month's first and last known reading.
 */
final class StatementWorkbook {

  /** Column widths in characters: the day, then each figure. */
  private static final int DAY_WIDTH = 22;

  private static final java.time.format.DateTimeFormatter READ_AT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Times.ZONE);

  private static final int FIGURE_WIDTH = 14;

  private StatementWorkbook() {}

  /**
   * @param label a message key in the reader's language
   */
  static void write(MonthStatement statement, OutputStream out, Function<String, String> label)
      throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Sheet sheet = workbook.createSheet(label.apply("statements.sheet"));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle integer = workbook.createCellStyle();
      integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
      CellStyle boldInteger = workbook.createCellStyle();
      boldInteger.cloneStyleFrom(integer);
      boldInteger.setFont(font);

      List<String> headers = StatementColumn.headerKeys();
      Row header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        sheet.setColumnWidth(i, (i == 0 ? DAY_WIDTH : FIGURE_WIDTH) * 256);
        cell(header, i, label.apply(headers.get(i)), bold);
      }
      sheet.createFreezePane(0, 1);

      int r = 1;
      for (StatementDay day : statement.days()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(day.day());
        row.getCell(0).setCellStyle(date);
        figures(row, day, integer);
      }
      Row totals = sheet.createRow(r++);
      cell(totals, 0, label.apply(StatementColumn.TOTAL), bold);
      figures(totals, statement.totals(), boldInteger);

      r++;
      BalanceHistory.MonthReadings balance = statement.balance();
      r = reading(sheet, r, label.apply("statements.balance.first"), balance.first(), integer);
      reading(sheet, r, label.apply("statements.balance.last"), balance.last(), integer);
      workbook.write(out);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  private static void figures(Row row, StatementDay day, CellStyle style) {
    StatementColumn[] columns = StatementColumn.values();
    for (int i = 0; i < columns.length; i++) {
      var cell = row.createCell(i + 1);
      cell.setCellValue(columns[i].of(day));
      cell.setCellStyle(style);
    }
  }

  /** A balance reading: its label, the balance (numeric) and when it was read (China time). */
  private static int reading(
      Sheet sheet,
      int r,
      String label,
      Optional<BalanceHistory.Reading> reading,
      CellStyle integer) {
    Row row = sheet.createRow(r);
    row.createCell(0).setCellValue(label);
    reading.ifPresentOrElse(
        value -> {
          var cell = row.createCell(1);
          cell.setCellValue(value.overage());
          cell.setCellStyle(integer);
          row.createCell(2).setCellValue(READ_AT.format(value.at()));
        },
        () -> row.createCell(1).setCellValue("—"));
    return r + 1;
  }

  private static void cell(Row row, int column, String text, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(text);
    cell.setCellStyle(style);
  }
}
