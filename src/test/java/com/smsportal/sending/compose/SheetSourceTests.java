package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.message.Placeholders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A spreadsheet of recipients read by its header, and its rows rendered (issue 24). */
class SheetSourceTests {

  @Test
  void aWorkbooksCellsKeepTheirColumnsWhenACellInBetweenIsEmpty() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet();
      row(sheet.createRow(0), "name", "手机号", "code");
      XSSFRow first = sheet.createRow(1);
      first.createCell(0).setCellValue("张三");
      first.createCell(1).setCellValue(13800138000d); // typed as a number
      first.createCell(2).setCellValue("A,1");
      XSSFRow second = sheet.createRow(2);
      second.createCell(1).setCellValue("13900139000"); // no name: the cell before is empty
      second.createCell(2).setCellValue("B2");
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    SheetSource source = SheetSource.of("recipients.xlsx", xlsx);

    assertThat(source.columns()).containsExactly("name", "code");
    assertThat(rows(source))
        .containsExactly(
            new RecipientRow(2, "13800138000", Map.of("name", "张三", "code", "A,1")),
            new RecipientRow(3, "13900139000", Map.of("name", "", "code", "B2")));
  }

  @Test
  void aCsvWithAByteOrderMarkAndQuotedCommasIsReadByItsHeader() throws Exception {
    byte[] csv =
        "\uFEFFMobile,name\n13800138000,\"张三, 经理\"\n\n13900139000,李四\n"
            .getBytes(StandardCharsets.UTF_8);
    SheetSource source = SheetSource.of("r.csv", csv);
    List<RecipientRow> rows = rows(source);
    assertThat(rows).extracting(RecipientRow::mobile).containsExactly("13800138000", "13900139000");
    assertThat(rows.get(0).values()).containsEntry("name", "张三, 经理");
  }

  @Test
  void aSheetWithoutANumberColumnIsRefused() {
    byte[] csv = "phone,name\n13800138000,张三\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SheetSource.of("r.csv", csv))
        .isInstanceOfSatisfying(
            NumberFile.Refused.class,
            r -> assertThat(r.messageKey()).isEqualTo("send.error.sheetNoMobile"));
  }

  @Test
  void equalTextsShareAGroupAndMissingValuesAreSkippedOrCountedWithTheirLines() throws Exception {
    byte[] csv =
        ("mobile,name\n13800138000,甲\n13800138001,乙\n13800138002,甲\n13800138003,\n"
                + "13800138000,丙\nabc,丁\n")
            .getBytes(StandardCharsets.UTF_8);
    Placeholders.Parsed template = Placeholders.read("【聚合云】${name}您好").parsed();
    Personalisation.Rendered rendered =
        Personalisation.render(
            template,
            SheetSource.of("r.csv", csv),
            Personalisation.Missing.SKIP,
            mobiles -> Set.of("13800138001"));

    assertThat(rendered.texts())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.content()).isEqualTo("【聚合云】甲您好");
              assertThat(t.mobiles()).containsExactly("13800138000", "13800138002");
            });
    assertThat(rendered.missingCount()).isEqualTo(1);
    assertThat(rendered.missingLines()).containsExactly(5);
    assertThat(rendered.duplicates()).as("a number given twice keeps its first row").isEqualTo(1);
    assertThat(rendered.invalidLines()).containsExactly(7);
    assertThat(rendered.optedOutCount()).isEqualTo(1);
    assertThat(rendered.calls(1)).isEqualTo(2);
    assertThat(rendered.calls(1000)).isEqualTo(1);
  }

  private static List<RecipientRow> rows(PersonalSource source) {
    List<RecipientRow> rows = new ArrayList<>();
    source.rows(rows::add);
    return rows;
  }

  private static void row(XSSFRow row, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      row.createCell(i).setCellValue(cells[i]);
    }
  }
}
