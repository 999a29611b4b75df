package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MultipartForm;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.JobView;
import com.smsportal.sending.SendJobs;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files of numbers through the real servlet container (MockMvc does not apply its upload limits): a
 * file over 1 MB but within the form's 2 MB is taken, a larger one gets the form's own message.
 * Same context as ComposeIntegrationTests (its send worker is off): the job is scheduled far ahead
 * and cancelled, so no other context's worker sends it.
 */
@DatabaseDependent("a job of about 90,000 numbers stored in multi-row inserts")
@PortalIntegrationTest
class SendUploadIntegrationTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendJobs jobs;

  @Value("${smsportal.simulator.accounts[2].password}")
  String bulkPassword;

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private long acme;
  private long account;

  @BeforeEach
  void setUp() throws Exception {
    acme = tenants.findByName("Acme").orElseThrow().id();
    account =
        TenantContext.callAs(
            acme,
            () ->
                accounts.ensure(
                    "upload-bulk",
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    "103",
                    "bulk",
                    bulkPassword));
    String login =
        "username=acme&password="
            + Logins.DEMO_PASSWORD
            + "&_csrf="
            + URLEncoder.encode(csrf(get("/login")), StandardCharsets.UTF_8);
    http.send(
        HttpRequest.newBuilder(URI.create(url("/login")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(login))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFileOfNumbersOverOneMegabyteIsTaken() throws Exception {
    // 5,000 numbers, each with a long name column: 1.5 MB, under the form's 2 MB.
    StringBuilder csv = new StringBuilder("mobile,name\n");
    for (int i = 0; i < 5000; i++) {
      csv.append(String.format("139%08d", i)).append(',').append("x".repeat(290)).append('\n');
    }
    assertThat(csv.length()).isBetween(1_400_000, 1_600_000);

    HttpResponse<String> sent = send(csv.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(sent.statusCode()).isEqualTo(302);
    String location = sent.headers().firstValue("Location").orElse("");
    assertThat(location).contains("/jobs/");
    long id = Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"));
    JobView job = TenantContext.callAs(acme, () -> jobs.find(id)).orElseThrow();
    assertThat(job.numberCount()).isEqualTo(5000);
    assertThat(TenantContext.callAs(acme, () -> jobs.cancel(id))).isEqualTo(5);
  }

  @Test
  void aFileOverTwoMegabytesGetsTheFormsOwnMessageAndNothingIsStored() throws Exception {
    long before = TenantContext.callAs(acme, () -> jobs.count());
    byte[] file = ("13800138000\n" + "1".repeat(2_500_000)).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> refused = send(file);

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"file-error\"").contains("号码文件过大");
    assertThat(TenantContext.callAs(acme, () -> jobs.count())).isEqualTo(before);
  }

  @Test
  void aSmallWorkbookThatUnpacksToAHundredMegabytesIsRefusedAndTheOthersAreServedMeanwhile()
      throws Exception {
    // 75,000 rows of 40 numbers: about 1 MB as a file, 94 MB of sheet XML once unpacked.
    byte[] xlsx = NumberFileTests.unpacksToNinetyMegabytes();
    assertThat(xlsx.length).isLessThan(SendController.MAX_FILE_BYTES);
    long before = TenantContext.callAs(acme, () -> jobs.count());
    PortalHttpClient globex = new PortalHttpClient(port).logIn("globex", Logins.DEMO_PASSWORD);

    CompletableFuture<HttpResponse<String>> upload =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return send(xlsx, "numbers.xlsx");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    for (int i = 0; i < 5; i++) {
      assertThat(globex.get("/").statusCode()).as("another tenant's dashboard").isEqualTo(200);
    }
    HttpResponse<String> refused = upload.get(60, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"file-error\"").contains("号码文件中的条目超过 200,000 个");
    assertThat(TenantContext.callAs(acme, () -> jobs.count())).isEqualTo(before);
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).contains("\"UP\"");
  }

  @Test
  void aWorkbookWithANumberThatCannotBeAPhoneNumberIsRefusedNamingItsCellAndStoresNothing()
      throws Exception {
    // Issue 20: 1.5 KB, one numeric cell 1E200000000 (200 million digits, written out).
    byte[] crafted = CraftedWorkbooks.exponentBomb();
    long before = TenantContext.callAs(acme, () -> jobs.count());

    HttpResponse<String> refused = send(crafted, "numbers.xlsx");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"file-error\"").contains("号码文件的单元格 B3 是一个不可能是手机号的数字");
    assertThat(TenantContext.callAs(acme, () -> jobs.count())).isEqualTo(before);
  }

  private HttpResponse<String> send(byte[] file) throws Exception {
    return send(file, "numbers.csv");
  }

  private HttpResponse<String> send(byte[] file, String filename) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf(get("/send")));
    fields.put("idempotencyKey", UUID.randomUUID().toString());
    fields.put("accountId", Long.toString(account));
    fields.put("mobiles", "");
    fields.put("content", "【聚合云】您好");
    fields.put("sendTime", "2099-01-01T08:00");
    fields.put("extno", "");
    MultipartForm form =
        new MultipartForm(fields, "file", filename, "application/octet-stream", file);
    HttpResponse<String> reviewed =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/send")))
                .header("Content-Type", form.contentType())
                .header("Accept", "text/html")
                .POST(form.publisher())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Issue 23: the submit shows what will be sent; the confirm stores it.
    String confirm = com.smsportal.PortalHttpClient.confirmation(reviewed);
    if (confirm == null) {
      return reviewed;
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(url("/send")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(confirm))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).as("a CSRF token on the page").isTrue();
    return token.group(1);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
