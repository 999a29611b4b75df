package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
    assertThat(MobileNumbers.parse(text).valid())
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
  void aDamagedSpreadsheetIsAnError() {
    byte[] broken = "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> NumberFile.text("numbers.xlsx", broken))
        .isInstanceOfAny(IOException.class, RuntimeException.class);
  }
}
