package com.smsportal.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway as the portal sees it, living in the test's JVM so that it outlives every kill of the
 * portal: it counts every number it is sent, hands out one delivery report per number to the
 * account that sent it through the fetch-once {@code statusApi.aspx}, and notes when each account
 * was polled. Any credentials are accepted; the balance never runs out.
 *
 * <p>A test may hold the next submit or report poll: the gateway then takes the request (a held
 * submit's numbers count as received: the gateway sent them) and keeps the answer back until
 * released, which is the moment to kill the portal between "claimed" and "answer recorded".
 *
 * <p>It may also answer slowly ({@link #answerSlowly}), as over a slow link: each answer with items
 * goes out chunked (no {@code Content-Length}) in small slices, each flushed as it goes, at a fixed
 * number of items per second. The gateway notes when each item's slice was flushed to the
 * connection, and stops at the first write that fails (the portal died): the items not written by
 * then never left the gateway, and it has forgotten them all the same, as the real one does.
 * Reports and replies can be put in its queues without a send ({@link #preloadReports}, {@link
 * #preloadReplies}): the portal stores reports and replies of tasks it does not know.
 */
final class StandInGateway implements AutoCloseable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>";

  /** The most replies one {@code callApi} answer carries (the spec sets none: a round number). */
  static final int REPLIES_PER_ANSWER = 4000;

  /**
   * One delivery report (or reply) as handed out: its identity in the portal is (task, mobile) of
   * its account.
   */
  record Report(String taskId, String mobile) {}

  /**
   * One answer that carried items: to which account, when it was made, and when each item was
   * flushed to the connection (null: never, the connection broke first). A fast answer's items are
   * written when the whole answer is.
   */
  record Handout(String account, Instant at, List<Report> reports, List<Instant> written) {

    /** When the item at this place was flushed to the connection; null if it never was. */
    Instant writtenAt(int item) {
      return written.get(item);
    }

    /** Whether the answer was written to its end. */
    boolean complete() {
      return written.isEmpty() || written.get(written.size() - 1) != null;
    }
  }

  /** How slowly answers go out: items per second, in slices of this length. */
  private record Pace(double itemsPerSecond, Duration slice) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicLong nextTaskId = new AtomicLong(1000);
  private final AtomicLong nextPreloaded = new AtomicLong();
  private final Map<String, Integer> received = new ConcurrentHashMap<>();
  private final Map<String, String> textReceived = new ConcurrentHashMap<>();
  private final Map<String, Deque<Report>> reports = new HashMap<>();
  private final Map<String, Deque<Report>> replies = new HashMap<>();
  private final List<Transfer> handouts = new ArrayList<>();
  private final List<Transfer> replyHandouts = new ArrayList<>();
  private final Map<String, List<Instant>> reportPolls = new HashMap<>();
  private final List<Integer> statusNums = new ArrayList<>();
  private final Map<String, Instant> lastHandout = new HashMap<>();
  private final Map<String, Instant> lastReplyPoll = new HashMap<>();
  private final Map<String, Instant> lastReplyHandout = new HashMap<>();
  private volatile Hold sendHold;
  private volatile Hold pollHold;
  private volatile Pace pace;

  StandInGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(threads);
    server.createContext("/sms.aspx", exchange -> answer(exchange, this::accountAction));
    server.createContext("/statusApi.aspx", exchange -> answer(exchange, this::statusReports));
    server.createContext("/callApi.aspx", exchange -> answer(exchange, this::replies));
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * From now on every answer with items (reports and replies) goes out at {@code items} per {@code
   * over}: 4,000 over 3 s sends a full answer of 4,000 reports in 3 s, and one of 400 in 0.3 s.
   * Sent chunked, in slices of 20 ms, each flushed.
   */
  void answerSlowly(int items, Duration over) {
    pace = new Pace(items / (over.toNanos() / 1e9), Duration.ofMillis(20));
  }

  /** Puts {@code count} reports for the account in its queue, as if numbers had been sent. */
  void preloadReports(String account, int count) {
    preload(reports, account, count);
  }

  /** Puts {@code count} replies for the account in its queue, each from a number of its own. */
  void preloadReplies(String account, int count) {
    preload(replies, account, count);
  }

  private void preload(Map<String, Deque<Report>> queues, String account, int count) {
    List<Report> items = new ArrayList<>(count);
    String taskId = "";
    for (int i = 0; i < count; i++) {
      if (i % 1000 == 0) {
        taskId = Long.toString(nextTaskId.incrementAndGet()); // as if sent in chunks of 1,000
      }
      items.add(new Report(taskId, String.format("137%08d", nextPreloaded.getAndIncrement())));
    }
    synchronized (this) {
      queues.computeIfAbsent(account, a -> new ArrayDeque<>()).addAll(items);
    }
  }

  /** The text each number got (its last, if it got more than one). */
  Map<String, String> textsReceived() {
    return Map.copyOf(textReceived);
  }

  /** How often each number was sent. */
  Map<String, Integer> received() {
    return Map.copyOf(received);
  }

  /** Every answer that carried reports: the gateway forgot them as it answered. */
  synchronized List<Handout> handouts() {
    return handouts.stream().map(Transfer::handout).toList();
  }

  /** Every answer that carried replies. */
  synchronized List<Handout> replyHandouts() {
    return replyHandouts.stream().map(Transfer::handout).toList();
  }

  /** How far an answer has gone: items written of its items. */
  record Progress(int written, int items) {}

  /**
   * How far the latest answer with items (reports or replies) begun after {@code since} has gone;
   * empty if none has begun since.
   */
  synchronized java.util.Optional<Progress> latestAnswer(Instant since) {
    Transfer latest = null;
    for (List<Transfer> list : List.of(handouts, replyHandouts)) {
      if (!list.isEmpty()) {
        Transfer last = list.get(list.size() - 1);
        if (last.at.isAfter(since) && (latest == null || last.at.isAfter(latest.at))) {
          latest = last;
        }
      }
    }
    return latest == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Progress(latest.written, latest.reports.size()));
  }

  /** The statusNum of every report poll, in order. */
  synchronized List<Integer> statusNums() {
    return List.copyOf(statusNums);
  }

  synchronized int reportsWaiting() {
    return reports.values().stream().mapToInt(Deque::size).sum();
  }

  synchronized int repliesWaiting() {
    return replies.values().stream().mapToInt(Deque::size).sum();
  }

  /**
   * Nothing left to hand out, and every account asked again after the last reports it was given:
   * the poller stores an answer before it asks again, so everything handed out that reached the
   * portal is stored. The same for replies.
   */
  synchronized boolean drained() {
    if (reportsWaiting() > 0 || repliesWaiting() > 0) {
      return false;
    }
    for (Map.Entry<String, Instant> handout : lastHandout.entrySet()) {
      List<Instant> polls = reportPolls.get(handout.getKey());
      if (polls == null || !polls.get(polls.size() - 1).isAfter(handout.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, Instant> handout : lastReplyHandout.entrySet()) {
      Instant poll = lastReplyPoll.get(handout.getKey());
      if (poll == null || !poll.isAfter(handout.getValue())) {
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

  private Answer accountAction(Map<String, String> form) {
    return Answer.of(
        switch (form.getOrDefault("action", "")) {
          case "send" -> send(form);
          case "overage" ->
              "<returnsms><returnstatus>Sucess</returnstatus><message></message>"
                  + "<payinfo>预付费</payinfo><overage>100000000</overage>"
                  + "<sendTotal>100000000</sendTotal></returnsms>";
          case "checkkeyword" -> "<returnsms><message>没有包含屏蔽词</message></returnsms>";
          default ->
              "<returnsms><returnstatus>Faild</returnstatus><message>其他错误</message></returnsms>";
        });
  }

  private String send(Map<String, String> form) {
    String taskId = Long.toString(nextTaskId.incrementAndGet());
    List<String> mobiles = List.of(form.getOrDefault("mobile", "").split(","));
    for (String mobile : mobiles) {
      received.merge(mobile, 1, Integer::sum);
      textReceived.put(mobile, form.getOrDefault("content", ""));
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

  private Answer statusReports(Map<String, String> form) {
    synchronized (this) {
      reportPolls.computeIfAbsent(form.get("account"), a -> new ArrayList<>()).add(Instant.now());
    }
    Hold hold = takeHold(false);
    if (hold != null) {
      hold.account = form.get("account");
      // A poll under way when the portal dies: it hands out nothing, so nothing is lost by it.
      awaitRelease(hold);
      return Answer.of("<returnsms/>");
    }
    int max = Integer.parseInt(form.getOrDefault("statusNum", "4000"));
    synchronized (this) {
      statusNums.add(max);
    }
    String now = TIME.format(Instant.now());
    Transfer transfer = take(reports, handouts, form.get("account"), max);
    List<String> items = new ArrayList<>(transfer.reports.size());
    for (Report report : transfer.reports) {
      items.add(
          "<statusbox><mobile>"
              + report.mobile()
              + "</mobile><taskid>"
              + report.taskId()
              + "</taskid><status>10</status><receivetime>"
              + now
              + "</receivetime><errorcode>DELIVRD</errorcode><extno></extno></statusbox>");
    }
    return new Answer("<returnsms>", items, "</returnsms>", transfer);
  }

  private Answer replies(Map<String, String> form) {
    synchronized (this) {
      lastReplyPoll.put(form.get("account"), Instant.now());
    }
    String now = TIME.format(Instant.now());
    Transfer transfer = take(replies, replyHandouts, form.get("account"), REPLIES_PER_ANSWER);
    List<String> items = new ArrayList<>(transfer.reports.size());
    for (Report reply : transfer.reports) {
      items.add(
          "<callbox><mobile>"
              + reply.mobile()
              + "</mobile><taskid>"
              + reply.taskId()
              + "</taskid><content>好的，收到 "
              + reply.mobile()
              + "</content><receivetime>"
              + now
              + "</receivetime><extno></extno></callbox>");
    }
    return new Answer("<returnsms>", items, "</returnsms>", transfer);
  }

  /**
   * Takes up to {@code max} items off the account's queue: the gateway forgets them now, whatever
   * becomes of the answer.
   */
  private synchronized Transfer take(
      Map<String, Deque<Report>> queues, List<Transfer> log, String account, int max) {
    Deque<Report> queue = queues.getOrDefault(account, new ArrayDeque<>());
    List<Report> taken = new ArrayList<>();
    for (int i = 0; i < max && !queue.isEmpty(); i++) {
      taken.add(queue.poll());
    }
    Transfer transfer = new Transfer(account, Instant.now(), taken);
    if (!taken.isEmpty()) {
      log.add(transfer);
      (log == handouts ? lastHandout : lastReplyHandout).put(account, transfer.at);
    }
    return transfer;
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

  /** One answer's items on their way: how many are written, and when each was. */
  private final class Transfer {
    private final String account;
    private final Instant at;
    private final List<Report> reports;
    private final Instant[] writtenAt;
    private int written;

    Transfer(String account, Instant at, List<Report> reports) {
      this.account = account;
      this.at = at;
      this.reports = List.copyOf(reports);
      this.writtenAt = new Instant[reports.size()];
    }

    /** Items up to {@code upTo} (exclusive) were flushed to the connection now. */
    void written(int upTo) {
      Instant now = Instant.now();
      synchronized (StandInGateway.this) {
        for (int i = written; i < upTo; i++) {
          writtenAt[i] = now;
        }
        written = upTo;
      }
    }

    Handout handout() {
      return new Handout(
          account, at, reports, Collections.unmodifiableList(Arrays.asList(writtenAt.clone())));
    }
  }

  // ---- HTTP

  private interface Action {
    Answer answer(Map<String, String> form);
  }

  /** An answer's XML: its items apart, so that they can go out slowly and be counted. */
  private record Answer(String head, List<String> items, String tail, Transfer transfer) {

    static Answer of(String xml) {
      return new Answer(xml, List.of(), "", null);
    }

    String whole() {
      return head + String.join("", items) + tail;
    }
  }

  private void answer(HttpExchange exchange, Action action) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Answer answer = action.answer(form(body));
      exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
      Pace slowly = pace;
      if (slowly == null || answer.items().isEmpty()) {
        byte[] bytes = (PROLOG + answer.whole()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
        if (answer.transfer() != null) {
          answer.transfer().written(answer.items().size());
        }
      } else {
        writeSlowly(exchange, answer, slowly);
      }
    } catch (IOException gone) {
      // The portal was killed while it waited for this answer, or while it came.
    }
  }

  /**
   * Writes the answer chunked, in slices of {@code pace.slice()}, each with the items due by its
   * time, flushed; notes each slice's items as written once the flush returned. Throws at the first
   * write that fails: the items after it were never written.
   */
  private static void writeSlowly(HttpExchange exchange, Answer answer, Pace pace)
      throws IOException {
    exchange.sendResponseHeaders(200, 0); // chunked
    OutputStream out = exchange.getResponseBody();
    out.write((PROLOG + answer.head()).getBytes(StandardCharsets.UTF_8));
    out.flush();
    List<String> items = answer.items();
    long start = System.nanoTime();
    long slice = pace.slice().toNanos();
    int done = 0;
    for (long n = 1; done < items.size(); n++) {
      int upTo = (int) Math.min(items.size(), Math.ceil(pace.itemsPerSecond() * n * slice / 1e9));
      LockSupport.parkNanos(start + n * slice - System.nanoTime());
      if (upTo == done) {
        continue;
      }
      StringBuilder piece = new StringBuilder();
      for (int i = done; i < upTo; i++) {
        piece.append(items.get(i));
      }
      out.write(piece.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      answer.transfer().written(upTo);
      done = upTo;
    }
    out.write(answer.tail().getBytes(StandardCharsets.UTF_8));
    out.close();
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
