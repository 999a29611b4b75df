package com.smsportal.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway as the portal sees it, living in the test's JVM so that it outlives every kill of the
 * portal: it counts every number it is sent, hands out one delivery report per number to the
 * account that sent it through the fetch-once {@code statusApi.aspx}, and notes when each account
 * was polled. Any credentials are accepted; the balance never runs out.
 *
 * <p>A test may hold the next submit or report poll: the gateway then takes the request (a held
 * submit's numbers count as received: the gateway sent them) and keeps the answer back until
 * released, which is the moment to kill the portal between "claimed" and "answer recorded".
 */
final class StandInGateway implements AutoCloseable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  /** One delivery report as handed out: its identity in the portal is (task, mobile). */
  record Report(String taskId, String mobile) {}

  /** One answer of statusApi that carried reports: to which account, when. */
  record Handout(String account, Instant at, List<Report> reports) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicLong nextTaskId = new AtomicLong(1000);
  private final Map<String, Integer> received = new ConcurrentHashMap<>();
  private final Map<String, Deque<Report>> reports = new HashMap<>();
  private final List<Handout> handouts = new ArrayList<>();
  private final Map<String, List<Instant>> reportPolls = new HashMap<>();
  private final Map<String, Instant> lastHandout = new HashMap<>();
  private volatile Hold sendHold;
  private volatile Hold pollHold;

  StandInGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(threads);
    server.createContext("/sms.aspx", exchange -> answer(exchange, this::accountAction));
    server.createContext("/statusApi.aspx", exchange -> answer(exchange, this::statusReports));
    server.createContext("/callApi.aspx", exchange -> answer(exchange, form -> "<returnsms/>"));
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How often each number was sent. */
  Map<String, Integer> received() {
    return Map.copyOf(received);
  }

  /** Every answer that carried reports: the gateway forgot them as it answered. */
  synchronized List<Handout> handouts() {
    return List.copyOf(handouts);
  }

  synchronized int reportsWaiting() {
    return reports.values().stream().mapToInt(Deque::size).sum();
  }

  /**
   * Nothing left to hand out, and every account asked again after the last reports it was given:
   * the poller stores an answer before it asks again, so everything handed out that reached the
   * portal is stored.
   */
  synchronized boolean drained() {
    if (reportsWaiting() > 0) {
      return false;
    }
    for (Map.Entry<String, Instant> handout : lastHandout.entrySet()) {
      List<Instant> polls = reportPolls.get(handout.getKey());
      if (!polls.get(polls.size() - 1).isAfter(handout.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** When each account asked for its status reports, oldest first. */
  synchronized List<Instant> reportPolls(String account) {
    return List.copyOf(reportPolls.getOrDefault(account, List.of()));
  }

  /** Holds the answer to the next submit until {@link Hold#release()}. */
  Hold holdNextSend() {
    Hold hold = new Hold();
    sendHold = hold;
    return hold;
  }

  /** Holds the answer to the next report poll (of any account) until {@link Hold#release()}. */
  Hold holdNextReportPoll() {
    Hold hold = new Hold();
    pollHold = hold;
    return hold;
  }

  @Override
  public void close() {
    Hold send = sendHold;
    Hold poll = pollHold;
    if (send != null) {
      send.release();
    }
    if (poll != null) {
      poll.release();
    }
    server.stop(0);
    threads.shutdownNow();
  }

  // ---- the gateway's actions

  private String accountAction(Map<String, String> form) {
    return switch (form.getOrDefault("action", "")) {
      case "send" -> send(form);
      case "overage" ->
          "<returnsms><returnstatus>Sucess</returnstatus><message></message>"
              + "<payinfo>预付费</payinfo><overage>100000000</overage><sendTotal>100000000</sendTotal>"
              + "</returnsms>";
      case "checkkeyword" -> "<returnsms><message>没有包含屏蔽词</message></returnsms>";
      default -> "<returnsms><returnstatus>Faild</returnstatus><message>其他错误</message></returnsms>";
    };
  }

  private String send(Map<String, String> form) {
    String taskId = Long.toString(nextTaskId.incrementAndGet());
    List<String> mobiles = List.of(form.getOrDefault("mobile", "").split(","));
    for (String mobile : mobiles) {
      received.merge(mobile, 1, Integer::sum);
    }
    synchronized (this) {
      Deque<Report> queue = reports.computeIfAbsent(form.get("account"), a -> new ArrayDeque<>());
      for (String mobile : mobiles) {
        queue.add(new Report(taskId, mobile));
      }
    }
    awaitRelease(takeHold(true));
    return "<returnsms><returnstatus>Success</returnstatus><message>ok</message>"
        + "<remainpoint>100000000</remainpoint><taskID>"
        + taskId
        + "</taskID><successCounts>"
        + mobiles.size()
        + "</successCounts></returnsms>";
  }

  private String statusReports(Map<String, String> form) {
    synchronized (this) {
      reportPolls.computeIfAbsent(form.get("account"), a -> new ArrayList<>()).add(Instant.now());
    }
    Hold hold = takeHold(false);
    if (hold != null) {
      hold.account = form.get("account");
      // A poll under way when the portal dies: it hands out nothing, so nothing is lost by it.
      awaitRelease(hold);
      return "<returnsms/>";
    }
    int max = Integer.parseInt(form.getOrDefault("statusNum", "4000"));
    String now = TIME.format(Instant.now());
    StringBuilder xml = new StringBuilder("<returnsms>");
    synchronized (this) {
      Deque<Report> queue = reports.getOrDefault(form.get("account"), new ArrayDeque<>());
      List<Report> answer = new ArrayList<>();
      for (int i = 0; i < max && !queue.isEmpty(); i++) {
        Report report = queue.poll();
        answer.add(report);
        xml.append("<statusbox><mobile>")
            .append(report.mobile())
            .append("</mobile><taskid>")
            .append(report.taskId())
            .append("</taskid><status>10</status><receivetime>")
            .append(now)
            .append("</receivetime><errorcode>DELIVRD</errorcode><extno></extno></statusbox>");
      }
      if (!answer.isEmpty()) {
        Instant at = Instant.now();
        handouts.add(new Handout(form.get("account"), at, answer));
        lastHandout.put(form.get("account"), at);
      }
    }
    return xml.append("</returnsms>").toString();
  }

  private Hold takeHold(boolean send) {
    Hold hold = send ? sendHold : pollHold;
    if (hold == null || !hold.take()) {
      return null;
    }
    return hold;
  }

  private static void awaitRelease(Hold hold) {
    if (hold == null) {
      return;
    }
    hold.arrived.countDown();
    try {
      hold.released.await(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- HTTP

  private interface Action {
    String answer(Map<String, String> form);
  }

  private static void answer(HttpExchange exchange, Action action) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      byte[] answer =
          ("<?xml version=\"1.0\" encoding=\"utf-8\" ?>" + action.answer(form(body)))
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (IOException gone) {
      // The portal was killed while it waited for this answer.
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** One held answer: the request has arrived, and the answer waits for the test. */
  static final class Hold {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private boolean taken;
    private volatile String account;

    private synchronized boolean take() {
      if (taken) {
        return false;
      }
      taken = true;
      return true;
    }

    /** Waits until the held request has reached the gateway. */
    void awaitArrival(long seconds) throws InterruptedException {
      if (!arrived.await(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError("the held request did not come within " + seconds + " s");
      }
    }

    void release() {
      released.countDown();
    }

    /** The account whose request is held. */
    String account() {
      return account;
    }
  }
}
