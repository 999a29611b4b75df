package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.smsportal.sending.message.PastedNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class NumberFileTests {

  @Test
  void readsEveryCellOfTheFirstSheetWithNumbersAsPlainDigits() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("号码");
      sheet.createRow(0).createCell(0).setCellValue("手机号");
      sheet.createRow(1).createCell(0).setCellValue(13800138000d); // typed as a number
      Row row = sheet.createRow(2);
      row.createCell(0).setCellValue("+86 139-0013-9000");
      row.createCell(2).setCellValue(13700137000d);
      sheet.createRow(3).createCell(0).setCellFormula("13600136000+0");
      workbook.createSheet("other").createRow(0).createCell(0).setCellValue(13500135000d);
      workbook.setForceFormulaRecalculation(true);
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
      xlsx = out.toByteArray();
    }

    String text = NumberFile.text("numbers.xlsx", xlsx);

    assertThat(text.lines())
        .containsExactly("手机号", "13800138000", "+86 139-0013-9000", "13700137000", "13600136000");
    assertThat(PastedNumbers.parse(text).valid())
        .containsExactly("13800138000", "13900139000", "13700137000", "13600136000");
    // Recognised by its content too, whatever it is called.
    assertThat(NumberFile.text("numbers.csv", xlsx)).isEqualTo(text);
  }

  @Test
  void readsCsvAndTxtAsUtf8WithOrWithoutAByteOrderMark() throws IOException {
    byte[] bom = "\uFEFF13800138000\n１３９００１３９０００".getBytes(StandardCharsets.UTF_8);
    assertThat(NumberFile.text("a.csv", bom)).isEqualTo("13800138000\n１３９００１３９０００");
    assertThat(NumberFile.text(null, "13800138000".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("13800138000");
  }

  @Test
  void aWorkbookOfMoreEntriesThanAnUploadMayHoldIsRefusedWithoutReadingItToTheEnd()
      throws IOException {
    byte[] xlsx = workbook(NumberFile.MAX_ENTRIES / 10 + 1, 10);

    NumberFile.Refused refused =
        catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("big.xlsx", xlsx));

    assertThat(refused.messageKey()).isEqualTo("send.error.fileTooManyEntries");
    assertThat(NumberFile.text("fits.xlsx", workbook(NumberFile.MAX_ENTRIES / 10, 10)).lines())
        .hasSize(NumberFile.MAX_ENTRIES);
  }

  /** A sheet of rows × columns numbers, written as a stream (SXSSF) as Excel would save it. */
  static byte[] workbook(int rows, int columns) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      for (int r = 0; r < rows; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < columns; c++) {
          row.createCell(c).setCellValue(13_800_000_000d + r * columns + c);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aOneMegabyteWorkbookThatUnpacksToNinetyMegabytesIsRefusedAtTheLimit() throws IOException {
    byte[] xlsx = unpacksToNinetyMegabytes();
    assertThat(xlsx.length).isBetween(900_000, 1_100_000);

    NumberFile.Refused refused =
        catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("n.xlsx", xlsx));

    assertThat(refused.messageKey()).isEqualTo("send.error.fileTooManyEntries");
  }

  /**
   * The upload of the report in issue 13: a first sheet of 75,000 rows × 40 numbers, 94 MB of sheet
   * XML in a file of 1 MB (compression ratio 93, under POI's zip-bomb ratio of 100). Written as a
   * bare workbook (the parts Excel needs), without cell references, as a small tool would.
   */
  static byte[] unpacksToNinetyMegabytes() throws IOException {
    String same = "<c t=\"n\"><v>13800138000</v></c>".repeat(37);
    return CraftedWorkbooks.workbook(
        sheet -> {
          for (int r = 1; r <= 75_000; r++) {
            sheet.write("<row>");
            for (int c = 0; c < 3; c++) {
              sheet.write("<c t=\"n\"><v>" + (13_800_000_000L + r * 3L + c) + "</v></c>");
            }
            sheet.write(same);
            sheet.write("</row>");
          }
        },
        null);
  }

  @Test
  void aDamagedSpreadsheetIsAnError() {
    byte[] broken = "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> NumberFile.text("numbers.xlsx", broken))
        .isInstanceOfAny(IOException.class, RuntimeException.class);
    assertThat(
            catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("n.xlsx", broken))
                .messageKey())
        .isEqualTo("send.error.fileUnreadable");
  }
}
