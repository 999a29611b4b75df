package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives the simulator's control endpoints of a running portal: faults, reset. */
public final class SimulatorControl {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public SimulatorControl(int port) {
    this.base = "http://localhost:" + port + "/simulator/control";
  }

  /** Posts the form to {@code /simulator/control<path>} and expects 200. */
  public void post(String path, Map<String, String> fields) throws Exception {
    post(path, fields, 200);
  }

  /** A phone replies to the account's latest send to that number (the reply is queued: 201). */
  public void reply(String account, String mobile, String content) throws Exception {
    post("/replies", Map.of("account", account, "mobile", mobile, "content", content), 201);
  }

  private void post(String path, Map<String, String> fields, int expected) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }

  /** A gateway account of its own for one test: what {@link #open} made. */
  public record OpenedAccount(String userid, String account, String password) {}

  private static final java.util.concurrent.atomic.AtomicLong OPENED =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 1_000_000);

  /**
   * Opens a new account at this portal's simulator with this balance: a gateway account no other
   * test (nor tenant) uses, so each can be registered once in the portal as the real ones are.
   */
  public OpenedAccount open(String prefix, long balance) throws Exception {
    long n = OPENED.incrementAndGet();
    OpenedAccount opened =
        new OpenedAccount(String.valueOf(700_000 + n), prefix + "-" + n, "Pw" + n + "-test");
    post(
        "/accounts",
        Map.of(
            "userid", opened.userid(),
            "account", opened.account(),
            "password", opened.password(),
            "balance", String.valueOf(balance)),
        201);
    return opened;
  }

  /** The account's next {@code times} calls meet the fault ({@code NONE} clears it). */
  public void fault(String account, String mode, int times) throws Exception {
    post("/faults", Map.of("account", account, "mode", mode, "times", String.valueOf(times)));
  }

  /** Sets the simulator account's balance, as a recharge or a spend outside the portal would. */
  public void balance(String account, long balance) throws Exception {
    post("/balance", Map.of("account", account, "balance", String.valueOf(balance)));
  }
}
