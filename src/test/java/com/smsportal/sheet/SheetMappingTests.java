package com.smsportal.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The mapping page's reading of a spreadsheet with a header row: CSV and XLSX alike. */
class SheetMappingTests {

  @Test
  void thePreviewIsTheHeaderAndTwentyRowsAndTheRowsStreamWithTheirLines() throws Exception {
    StringBuilder csv = new StringBuilder("\uFEFF手机号,姓名,,姓名\n\n");
    for (int i = 0; i < 30; i++) {
      csv.append("1380013").append(String.format("%04d", i)).append(",name").append(i).append("\n");
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

    SheetMapping.Preview preview = SheetMapping.preview("book.csv", bytes);

    assertThat(preview.header()).containsExactly("手机号", "姓名", "#3", "姓名 #4");
    assertThat(preview.rows()).hasSize(SheetMapping.PREVIEW_ROWS);
    assertThat(preview.rows().get(0).line()).as("the blank line 2 counts").isEqualTo(3);
    assertThat(preview.rows().get(0).values(preview.header()))
        .containsEntry("手机号", "13800130000")
        .containsEntry("姓名", "name0")
        .containsEntry("#3", "");
    List<Integer> lines = new ArrayList<>();
    SheetMapping.forEachRow("book.csv", bytes, row -> lines.add(row.line()));
    assertThat(lines).hasSize(30).startsWith(3).endsWith(32);
  }

  @Test
  void aCsvThatIsNotUtf8IsReadAsGb18030AndASemicolonFileBySemicolons() throws Exception {
    byte[] gbk = "手机号;城市\n13800138000;上海\n".getBytes(Charset.forName("GBK"));
    SheetMapping.Preview preview = SheetMapping.preview("gbk.csv", gbk);
    assertThat(preview.header()).containsExactly("手机号", "城市");
    assertThat(preview.rows().get(0).cells()).containsExactly("13800138000", "上海");
  }

  @Test
  void aWorkbooksNumbersAreDigitsAndAFieldsFractionIsKeptAsWritten() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("手机号");
      header.createCell(2).setCellValue("积分");
      Row row = sheet.createRow(4);
      row.createCell(0).setCellValue(13800138000d);
      row.createCell(2).setCellValue(12.5);
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    SheetMapping.Preview preview = SheetMapping.preview("book.xlsx", xlsx);
    assertThat(preview.header()).containsExactly("手机号", "#2", "积分");
    assertThat(preview.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).as("Excel's row number").isEqualTo(5);
              assertThat(r.cells()).containsExactly("13800138000", "", "12.5");
            });
  }

  @Test
  void anEmptyFileHasNoHeaderAndIsRefused() {
    SheetRefused refused =
        catchThrowableOfType(
            SheetRefused.class,
            () -> SheetMapping.preview("e.csv", "\n\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.messageKey()).isEqualTo("sheet.error.noHeader");
  }
}
