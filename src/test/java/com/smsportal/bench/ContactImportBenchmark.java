package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.MultipartForm;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.sheet.SheetLimits;
import com.smsportal.tenant.TenantService;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test of speed (issue 24): 100,000 contacts imported through the real routes
 * ({@code POST /contacts/import} with the file, then the mapping page's {@code POST
 * /contacts/import/{token}}) by the customer {@code acme}: first from a generated XLSX (number,
 * name, city: all new), then from a CSV of the same numbers (all updated by number). Prints the
 * file's size, the seconds of the upload and of the import, and the peak heap of the JVM that runs
 * the portal (the heap pools' peak usage, reset before each import, and a sampled peak of used
 * heap). It asserts only correctness: 100,000 contacts, each in the import's group.
 *
 * <p>Run with the heap capped, so that an import that does not stream fails: {@code
 * JAVA_TOOL_OPTIONS=-Xmx256m ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ContactImportBenchmark} (the portal runs in the test's JVM, which prints its maximum
 * heap; add {@code -Pci} for MariaDB).
 */
@PortalHttpTest
class ContactImportBenchmark {

  private static final int CONTACTS = 100_000;
  private static final long MB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;

  @Test
  void import100000ContactsFromXlsxThenCsv() throws Exception {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    jdbc.update(
        "delete from contact_group_member where contact_id in"
            + " (select id from contact where tenant_id = ? and mobile like '150%')",
        acme);
    jdbc.update("delete from contact where tenant_id = ? and mobile like '150%'", acme);
    PortalHttpClient client = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    System.out.printf(Locale.ROOT, "%nContact import benchmark: max heap %d MB%n", maxHeap() / MB);

    run(client, "contacts.xlsx", xlsx(), "bench-xlsx", "mobile,name,field");
    assertThat(
            count("select count(*) from contact where tenant_id = ? and mobile like '150%'", acme))
        .isEqualTo(CONTACTS);
    run(client, "contacts.csv", csv(), "bench-csv", "mobile,name");
    assertThat(
            count("select count(*) from contact where tenant_id = ? and mobile like '150%'", acme))
        .isEqualTo(CONTACTS);
    for (String group : List.of("bench-xlsx", "bench-csv")) {
      assertThat(
              count(
                  "select count(*) from contact_group_member m join contact_group g"
                      + " on g.id = m.group_id where g.tenant_id = ? and g.name = '"
                      + group
                      + "'",
                  acme))
          .as(group)
          .isEqualTo(CONTACTS);
    }
  }

  private void run(PortalHttpClient client, String name, byte[] file, String group, String roles)
      throws Exception {
    assertThat(file.length)
        .as(name + " within the upload limit")
        .isLessThanOrEqualTo(SheetLimits.MAX_FILE_BYTES);
    String csrf = PortalHttpClient.csrf(client.get("/contacts/import").body());
    HeapWatch heap = new HeapWatch(20);
    long start = System.nanoTime();
    HttpResponse<String> uploaded =
        client.post(
            "/contacts/import",
            new MultipartForm(
                Map.of("_csrf", csrf), "file", name, "application/octet-stream", file));
    long uploadEnd = System.nanoTime();
    String location = uploaded.headers().firstValue("Location").orElse("");
    assertThat(location).as(uploaded.body()).contains("/contacts/import/");
    String mapping = location.substring(location.indexOf("/contacts/import/"));
    StringBuilder fields =
        new StringBuilder("newGroup=" + URLEncoder.encode(group, StandardCharsets.UTF_8));
    String[] columns = roles.split(",");
    for (int i = 0; i < columns.length; i++) {
      fields.append("&column").append(i).append('=').append(columns[i]);
    }
    HttpResponse<String> imported = client.submit(mapping, mapping, fields.toString());
    long end = System.nanoTime();
    heap.stop();
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
    System.out.printf(
        Locale.ROOT,
        "%s: %.2f MB, upload and check %.1f s, mapping and import %.1f s, %.0f contacts/s;"
            + " heap peak (pools) %d MB, sampled used peak %d MB%n",
        name,
        file.length / (double) MB,
        (uploadEnd - start) / 1e9,
        (end - uploadEnd) / 1e9,
        CONTACTS / ((end - uploadEnd) / 1e9),
        heap.poolPeaks() / MB,
        heap.sampledPeak.get() / MB);
  }

  /** Number, name and city; names and cities repeat, as in a real book (shared strings). */
  private static byte[] xlsx() throws Exception {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("手机号");
      header.createCell(1).setCellValue("姓名");
      header.createCell(2).setCellValue("城市");
      String[] cities = {"上海", "北京", "广州", "深圳", "杭州"};
      for (int i = 0; i < CONTACTS; i++) {
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(15000000000d + i);
        row.createCell(1).setCellValue("客户" + (i % 1000));
        row.createCell(2).setCellValue(cities[i % cities.length]);
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    }
  }

  /** The same numbers with a short name each: 17 bytes a row, within the 2 MB of an upload. */
  private static byte[] csv() {
    StringBuilder csv = new StringBuilder("mobile,name\n");
    for (int i = 0; i < CONTACTS; i++) {
      csv.append(15000000000L + i).append(',').append(Integer.toString(i, 36)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private long count(String sql, long tenant) {
    return jdbc.queryForObject(sql, Long.class, tenant);
  }

  private static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
