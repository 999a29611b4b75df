package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20, item 5: a 1.5 KB workbook whose numeric cell {@code 1E200000000} became a string of 200
 * million digits. What a workbook may make the reader allocate is bounded, whatever it holds.
 */
class NumberFileLimitsTests {

  /** What reading a crafted upload may allocate, beyond the upload itself. */
  private static final long FEW_MEGABYTES = 8L * 1024 * 1024;

  @Test
  void theExponentBombIsRefusedNamingItsCellAndAllocatesAFewMegabytesAtMost() throws IOException {
    byte[] crafted = CraftedWorkbooks.exponentBomb();
    assertThat(crafted.length).isBetween(1_000, 2_000);
    // POI's classes loaded and its caches filled first, as in a running portal.
    NumberFile.text(
        "warm.xlsx", CraftedWorkbooks.workbook("<row><c><v>13800138000</v></c></row>", null));

    long before = allocatedByThisThread();
    NumberFile.Refused refused =
        catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("n.xlsx", crafted));
    long allocated = allocatedByThisThread() - before;

    assertThat(refused).isNotNull();
    assertThat(refused.messageKey()).isEqualTo("send.error.fileCellNotANumber");
    assertThat(refused.argument()).isEqualTo("B3");
    assertThat(allocated).as("bytes allocated reading it").isLessThan(FEW_MEGABYTES);
  }

  @Test
  void theExponentBombIsRefusedInAJvmOfFortyEightMegabytes(@TempDir Path dir) throws Exception {
    Path crafted = dir.resolve("crafted.xlsx");
    Files.write(crafted, CraftedWorkbooks.exponentBomb());
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx48m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                classpath,
                ReadInSmallHeap.class.getName(),
                crafted.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output).doesNotContain("OutOfMemoryError");
    assertThat(output).contains("refused send.error.fileCellNotANumber B3");
    assertThat(child.exitValue()).as(output).isZero();
  }

  /** The reader in a JVM of its own, on the file named by the first argument. */
  static final class ReadInSmallHeap {
    public static void main(String[] args) throws IOException {
      try {
        String text = NumberFile.text("upload.xlsx", Files.readAllBytes(Path.of(args[0])));
        System.out.println("read " + text.length() + " characters");
      } catch (NumberFile.Refused refused) {
        System.out.println("refused " + refused.messageKey() + " " + refused.argument());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-13800138000",
        "13800138000.5",
        "1.38001380005E10",
        "1234567890123456",
        "1E16",
        "1E-7",
        "9.99E+307",
        "100000000000000000000000000000000000000000000000"
      })
  void aNumericCellThatCannotBeAPhoneNumberIsRefusedWithItsCell(String number) throws IOException {
    byte[] xlsx =
        CraftedWorkbooks.workbook(
            "<row r=\"7\"><c r=\"A7\"><v>13800138000</v></c><c r=\"C7\"><v>"
                + number
                + "</v></c></row>",
            null);

    NumberFile.Refused refused =
        catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("n.xlsx", xlsx));

    assertThat(refused).as(number).isNotNull();
    assertThat(refused.messageKey()).isEqualTo("send.error.fileCellNotANumber");
    assertThat(refused.argument()).isEqualTo("C7");
  }

  @Test
  void numbersAPhoneNumberCanBeAreReadAsPlainDigitsAndACellWithoutReferenceIsCounted()
      throws IOException {
    byte[] xlsx =
        CraftedWorkbooks.workbook(
            "<row><c><v>1.3800138E10</v></c><c><v>13900139000.0</v></c><c><v>8613700137000</v></c>"
                + "<c><v>0</v></c><c><v>42</v></c></row><row><c><v>1</v></c><c><v>2.5</v></c></row>",
            null);

    NumberFile.Refused refused =
        catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("n.xlsx", xlsx));
    assertThat(refused.argument()).as("row 2, second column").isEqualTo("B2");

    byte[] fine =
        CraftedWorkbooks.workbook(
            "<row><c><v>1.3800138E10</v></c><c><v>13900139000.0</v></c><c><v>8613700137000</v></c>"
                + "<c><v>0</v></c><c><v>42</v></c></row>",
            null);
    assertThat(NumberFile.text("n.xlsx", fine).lines())
        .containsExactly("13800138000", "13900139000", "8613700137000", "0", "42");
  }

  @Test
  void aCellLongerThanExcelAllowsIsRefusedWithItsCellInlineOrShared() throws IOException {
    String tooLong = "1".repeat(NumberFile.MAX_CELL_CHARS + 1);
    byte[] inline =
        CraftedWorkbooks.workbook(
            "<row r=\"2\"><c r=\"D2\" t=\"inlineStr\"><is><t>" + tooLong + "</t></is></c></row>",
            null);
    byte[] shared =
        CraftedWorkbooks.workbook(
            "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>0</v></c><c r=\"B5\" t=\"s\"><v>1</v></c></row>",
            "<si><t>13800138000</t></si><si><r><t>" + tooLong + "</t></r></si>");
    byte[] unused =
        CraftedWorkbooks.workbook(
            "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>0</v></c></row>",
            "<si><t>13800138000</t></si><si><t>" + tooLong + "</t></si>");

    assertThat(refusal(inline).argument()).isEqualTo("D2");
    assertThat(refusal(inline).messageKey()).isEqualTo("send.error.fileCellTooLong");
    assertThat(refusal(shared).argument()).isEqualTo("B5");
    assertThat(NumberFile.text("n.xlsx", unused)).isEqualTo("13800138000\n");
  }

  @Test
  void sharedStringsGiveTheirTextRunsButNotTheirPhoneticReadings() throws IOException {
    byte[] xlsx =
        CraftedWorkbooks.workbook(
            "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>",
            "<si><t>手机号</t><rPh sb=\"0\" eb=\"1\"><t>しゅ</t></rPh></si>"
                + "<si><r><t>138</t></r><r><t>00138000</t></r></si>");

    assertThat(NumberFile.text("n.xlsx", xlsx).lines()).containsExactly("手机号", "13800138000");
  }

  @Test
  void xmlThatWouldMakeTheParserBufferMuchIsRefused() throws IOException {
    // Random digits, so that the zip does not shrink it past POI's own compression-ratio guard.
    StringBuilder random = new StringBuilder();
    java.util.Random digits = new java.util.Random(20);
    for (int i = 0; i <= NumberFile.MAX_MARKUP_RUN; i++) {
      random.append((char) ('0' + digits.nextInt(10)));
    }
    String hugeAttribute = "<row><c r=\"A1\" s=\"" + random + "\"><v>1</v></c></row>";
    String cdata = "<row><c t=\"inlineStr\"><is><t><![CDATA[13800138000]]></t></is></c></row>";
    String comment = "<!-- a comment --><row><c><v>13800138000</v></c></row>";

    for (String rows : List.of(hugeAttribute, cdata, comment)) {
      NumberFile.Refused refused = refusal(CraftedWorkbooks.workbook(rows, null));
      assertThat(refused.messageKey()).isEqualTo("send.error.fileUnreadable");
    }
  }

  @Test
  void theTextOfAFileIsCappedAndTheLargestLegitimateFileFits() throws IOException {
    // 150,000 cells of 30 characters: 4.6 million characters, within the entries' limit.
    byte[] tooMuch = inlineStrings(150_000, "13800138000, 13900139000, 1370");
    assertThat(refusal(tooMuch).messageKey()).isEqualTo("send.error.fileTextTooLong");

    // The largest an upload holds: 200,000 numbers formatted as "+86 138-0013-8000".
    byte[] largest = inlineStrings(NumberFile.MAX_ENTRIES, "+86 138-0013-8000");
    assertThat(NumberFile.text("largest.xlsx", largest).lines()).hasSize(NumberFile.MAX_ENTRIES);
    // A CSV of the form's 2 MB too.
    byte[] csv =
        "13800138000\n".repeat(SendController.MAX_FILE_BYTES / 12).getBytes(StandardCharsets.UTF_8);
    assertThat(NumberFile.text("numbers.csv", csv).length()).isEqualTo(csv.length);
  }

  private static byte[] inlineStrings(int cells, String text) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      for (int r = 0; r < cells; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static NumberFile.Refused refusal(byte[] xlsx) {
    NumberFile.Refused refused =
        catchThrowableOfType(NumberFile.Refused.class, () -> NumberFile.text("n.xlsx", xlsx));
    assertThat(refused).isNotNull();
    return refused;
  }

  private static long allocatedByThisThread() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getCurrentThreadAllocatedBytes();
  }
}
