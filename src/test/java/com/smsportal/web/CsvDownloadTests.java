package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What a person opening an export in Excel gets: readable Chinese, intact cells, no formulas. */
class CsvDownloadTests {

  @Test
  void anExportStartsWithTheByteOrderMarkAndQuotesOnlyWhereNeeded() throws Exception {
    byte[] bytes =
        download(
            List.of("手机号码", "内容"),
            List.of(
                List.of("13800138000", "收到，谢谢"),
                Arrays.asList("13900139000", "say \"hi\",\nbye"),
                Arrays.asList("13700137000", null)));

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(
            "手机号码,内容\r\n"
                + "13800138000,收到，谢谢\r\n"
                + "13900139000,\"say \"\"hi\"\",\nbye\"\r\n"
                + "13700137000,\r\n");
  }

  @Test
  void cellsExcelWouldRunAsAFormulaAreDefused() throws Exception {
    byte[] bytes =
        download(
            List.of("a"),
            List.of(
                List.of("=HYPERLINK(\"http://x\")"),
                List.of("+86138"),
                List.of("-1"),
                List.of("@SUM(A1)"),
                List.of("ok=fine")));

    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(
            "a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+86138\r\n'-1\r\n'@SUM(A1)\r\nok=fine\r\n");
  }

  @Test
  void rowsComeInBatchesUntilABatchIsShort() throws Exception {
    int rows = CsvDownload.BATCH * 2 + 3;
    StreamingResponseBody body =
        CsvDownload.<Long, Long>of(
                "x.csv",
                List.of("n"),
                (after, limit) -> {
                  long from = after == null ? 0 : after + 1;
                  return java.util.stream.LongStream.range(from, Math.min(rows, from + limit))
                      .boxed()
                      .toList();
                },
                n -> n,
                n -> List.of(n))
            .getBody();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);

    String[] lines = out.toString(StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines).hasSize(rows + 1);
    assertThat(lines[rows]).isEqualTo(String.valueOf(rows - 1));
  }

  private static byte[] download(List<String> header, List<List<?>> rows) throws Exception {
    StreamingResponseBody body =
        CsvDownload.<List<?>, Long>of(
                "x.csv",
                header,
                (after, limit) -> after == null ? rows : List.of(),
                r -> 1L,
                r -> r)
            .getBody();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }
}
