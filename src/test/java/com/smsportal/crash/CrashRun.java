package com.smsportal.crash;

import static org.awaitility.Awaitility.await;

import com.smsportal.Logins;
import com.smsportal.MultipartForm;
import com.smsportal.PortalDatabase;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalProcess;
import com.smsportal.SendDayRecount;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One portal jar, its database and the stand-in gateway, driven as an operator and a customer
 * would: the demo customer {@code acme} sends a job through {@code POST /send}, the portal submits
 * it to the stand-in gateway and drains the reports back, and the test kills the portal ({@code
 * kill -9}) and starts it again whenever it likes. At the end it counts what the gateway got and
 * what the database holds. Shared by {@link CrashBenchmark} and {@link CrashIntegrationTests}.
 */
final class CrashRun implements AutoCloseable {

  static final String CONTENT = "【聚合云】您的验证码是 1234。";

  /** The demo's gateway accounts, both pointed at the stand-in; acme sends. */
  static final List<String> ACCOUNTS = List.of("acme", "globex");

  private static final Pattern ACCOUNT_OPTION = Pattern.compile("<option value=\"(\\d+)\"");
  private static final Pattern KEY =
      Pattern.compile("name=\"idempotencyKey\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern BAR =
      Pattern.compile("id=\"job-bar\" max=\"(\\d+)\" value=\"(\\d+)\"");
  private static final Pattern COUNT =
      Pattern.compile("data-state=\"([A-Z_]+)\"[^>]*>[^<]*?(\\d+)</span>");

  private final Path work;
  private final Path jar;
  private final List<String> jvmOptions;
  private final List<String> settings;
  private final StandInGateway gateway;
  private final PortalDatabase database;
  private final PortalProcess portal;
  private final List<Instant> kills = new ArrayList<>();
  private final List<Kill> killMoments = new ArrayList<>();
  private final List<Instant> starts = new ArrayList<>();
  private PortalHttpClient acme;
  private Instant posted;

  /**
   * @param work a directory of its own: the portal's data directory and log go there
   * @param suffix the MariaDB database's suffix (one per test class)
   * @param settings extra portal arguments for every start
   */
  CrashRun(Path work, String suffix, String... settings) throws Exception {
    this(work, suffix, List.of(), settings);
  }

  /**
   * The same with these JVM options for every portal (the tests' {@link PortalProcess#QUICK_START};
   * the benchmark runs the portal as shipped).
   */
  CrashRun(Path work, String suffix, List<String> jvmOptions, String... settings) throws Exception {
    this(work, suffix, null, jvmOptions, settings);
  }

  /** The same with another build's jar (null: this build's). */
  CrashRun(Path work, String suffix, Path jar, List<String> jvmOptions, String... settings)
      throws Exception {
    this.work = java.nio.file.Files.createDirectories(work);
    this.jar = jar;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.settings = List.of(settings);
    gateway = new StandInGateway();
    database = PortalDatabase.fresh(work.resolve("data"), suffix);
    portal = node("data", List.of());
  }

  /**
   * Another portal on the same database, with a data directory of its own and the first one's
   * credential key (MariaDB only: an H2 file is one process's).
   */
  PortalProcess anotherNode(String name) {
    return node(
        name,
        List.of(
            "--smsportal.encryption.key-file=" + work.resolve("data").resolve("encryption.key")));
  }

  private PortalProcess node(String dataDir, List<String> extra) {
    List<String> arguments = new ArrayList<>(database.demoArguments(work.resolve(dataDir)));
    arguments.add("--smsportal.demo.gateway-base-url=" + gateway.baseUrl());
    arguments.addAll(settings);
    arguments.addAll(extra);
    return new PortalProcess(
        jar, jvmOptions, arguments, database.portalEnvironment(), work.resolve(dataDir + ".log"));
  }

  StandInGateway gateway() {
    return gateway;
  }

  /** The demo customer acme, signed in at the last start (a tenant admin). */
  PortalHttpClient acme() {
    return acme;
  }

  PortalDatabase database() {
    return database;
  }

  PortalProcess portal() {
    return portal;
  }

  /** The first portal's data directory (its H2 file, spool, node id). */
  Path dataDir() {
    return work.resolve("data");
  }

  /** The first portal's node id, as it keeps it in its data directory. */
  String nodeId() throws IOException {
    return java.nio.file.Files.readString(work.resolve("data").resolve("node-id")).strip();
  }

  List<Instant> kills() {
    return List.copyOf(kills);
  }

  /** Each kill: when the signal was sent, and when the process was gone. */
  List<Kill> killMoments() {
    return List.copyOf(killMoments);
  }

  /** One {@code kill -9}: sent at {@code signalled}, the process reaped at {@code dead}. */
  record Kill(Instant signalled, Instant dead) {}

  /** Starts the portal and logs in as the demo customer acme. */
  void start(String... extra) throws Exception {
    portal.start(extra);
    starts.add(Instant.now());
    acme = new PortalHttpClient(portal.port()).logIn("acme", Logins.DEMO_PASSWORD);
  }

  /**
   * Starts the portal and sends a job of {@code numbers} through {@code POST /send}; then kills the
   * portal {@code kills} times, each time after it has been up for a random while of at most {@code
   * longestUp}, and starts it again; then {@link #finish}.
   */
  Figures sendThroughKills(
      int numbers, int kills, Random random, Duration longestUp, Duration timeout)
      throws Exception {
    start();
    long job = send(numbers);
    for (int i = 0; i < kills; i++) {
      killAfterUpTo(random, longestUp);
    }
    return finish(job, timeout);
  }

  /** Kills the portal after it has been up for a random while of at most {@code longestUp}. */
  void killAfterUpTo(Random random, Duration longestUp) throws Exception {
    Thread.sleep(500 + random.nextLong(Math.max(1, longestUp.toMillis() - 500)));
    killAndRestart();
  }

  /**
   * Waits until every chunk of the job has an outcome and every report is drained, stops the
   * portal, and reads what it left behind.
   */
  Figures finish(long job, Duration timeout) throws Exception {
    awaitFinished(job, timeout);
    Duration finished = Duration.between(posted, Instant.now());
    stop();
    return figures(job, finished);
  }

  /** {@code kill -9}, then a start as the operator's supervisor would do it. */
  void killAndRestart(String... extra) throws Exception {
    kill();
    start(extra);
  }

  /** {@code kill -9}; when it was. */
  Instant kill() throws InterruptedException {
    Instant signalled = Instant.now();
    portal.kill();
    Instant killed = Instant.now();
    kills.add(killed);
    killMoments.add(new Kill(signalled, killed));
    return killed;
  }

  void stop() throws InterruptedException {
    portal.stop();
  }

  /** Sends {@code count} distinct numbers through {@code POST /send}; the job's id. */
  long send(int count) throws Exception {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < count; i++) {
      file.append(String.format("139%08d", i)).append('\n');
    }
    return send(CONTENT, "numbers.txt", file.toString());
  }

  /**
   * Sends a personalised job (issue 24) of {@code count} distinct numbers through {@code POST
   * /send}: {@link #PERSONAL} filled from a spreadsheet, the i-th number's name being {@link
   * #nameOf nameOf(i, texts)}, so that it has {@code texts} distinct texts; the job's id.
   */
  long sendPersonal(int count, int texts) throws Exception {
    StringBuilder file = new StringBuilder("mobile,name\n");
    for (int i = 0; i < count; i++) {
      file.append(String.format("139%08d", i)).append(',').append(nameOf(i, texts)).append('\n');
    }
    return send(PERSONAL, "recipients.csv", file.toString());
  }

  /** The personalised job's text with its placeholder. */
  static final String PERSONAL = "【聚合云】${name}您好，您的订单已发货。";

  /** The name of the i-th number of a personalised job: its numbers in {@code texts} runs. */
  static String nameOf(int i, int texts) {
    return "客户" + (char) ('A' + i % texts);
  }

  private long send(String content, String fileName, String file) throws Exception {
    String compose = acme.get("/send").body();
    Matcher account = ACCOUNT_OPTION.matcher(compose);
    Matcher key = KEY.matcher(compose);
    if (!account.find() || !key.find()) {
      throw new AssertionError("no gateway account or idempotency key on the compose page");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", PortalHttpClient.csrf(compose));
    fields.put("idempotencyKey", key.group(1));
    fields.put("accountId", account.group(1));
    fields.put("mobiles", "");
    fields.put("content", content);
    fields.put("sendTime", "");
    fields.put("extno", "");
    HttpResponse<String> answer =
        acme.confirmSend(
            acme.post(
                "/send",
                new MultipartForm(
                    fields,
                    "file",
                    fileName,
                    "text/plain",
                    file.getBytes(StandardCharsets.UTF_8))));
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || !location.matches(".*/jobs/\\d+.*")) {
      throw new AssertionError("the job was not stored: " + answer.statusCode() + " " + location);
    }
    posted = Instant.now();
    return Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"));
  }

  /** The job as its page's progress shows it to the customer. */
  Progress progress(long job) throws IOException, InterruptedException {
    String fragment = acme.htmx("/jobs/" + job).body();
    Matcher bar = BAR.matcher(fragment);
    if (!bar.find()) {
      throw new AssertionError("no progress on the job page:\n" + fragment);
    }
    Map<String, Long> numbers = new HashMap<>();
    Matcher count = COUNT.matcher(fragment);
    while (count.find()) {
      numbers.put(count.group(1), Long.parseLong(count.group(2)));
    }
    return new Progress(Long.parseLong(bar.group(1)), Long.parseLong(bar.group(2)), numbers);
  }

  /** Numbers per state on the job page, and how many have left the queue. */
  record Progress(long numbers, long handled, Map<String, Long> states) {

    long in(String state) {
      return states.getOrDefault(state, 0L);
    }

    boolean done() {
      return handled == numbers;
    }
  }

  /**
   * Waits until every chunk of the job has an outcome and the gateway has nothing left to hand out,
   * and the portal has asked again after the last report it got (so it stored that answer).
   */
  void awaitFinished(long job, Duration timeout) throws Exception {
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> progress(job).done() && gateway.drained());
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(
          "not finished within " + timeout + ": " + progress(job) + "\n" + portal.tail(), late);
    }
  }

  /**
   * Waits until the gateway has nothing left to hand out and every account asked again after the
   * last items it got (so the portal stored that answer); for a drain without a job.
   */
  void awaitDrained(Duration timeout) throws Exception {
    try {
      await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(gateway::drained);
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(
          "not drained within "
              + timeout
              + ": "
              + gateway.reportsWaiting()
              + " reports and "
              + gateway.repliesWaiting()
              + " replies waiting\n"
              + portal.tail(),
          late);
    }
  }

  /**
   * Waits until the latest answer with items begun after {@code since} has written at least this
   * share of its items (at least one); false if {@code over} came true first (nothing left to
   * answer).
   */
  boolean awaitAnswerWritten(
      Instant since, double share, Duration timeout, java.util.function.BooleanSupplier over)
      throws Exception {
    java.util.function.BooleanSupplier far =
        () ->
            gateway
                .latestAnswer(since)
                .filter(a -> a.written() > 0 && a.written() >= share * a.items())
                .isPresent();
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> far.getAsBoolean() || over.getAsBoolean());
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(
          "no answer "
              + share
              + " written within "
              + timeout
              + " (latest: "
              + gateway.latestAnswer(since)
              + ")\n"
              + portal.tail(),
          late);
    }
    return far.getAsBoolean();
  }

  /** Waits for the account's first report poll after {@code since}; how long after it came. */
  Duration awaitReportPoll(String account, Instant since, Duration timeout) throws Exception {
    try {
      Instant poll =
          await()
              .atMost(timeout)
              .until(
                  () ->
                      gateway.reportPolls(account).stream()
                          .filter(p -> p.isAfter(since))
                          .findFirst(),
                  java.util.Optional::isPresent)
              .orElseThrow();
      return Duration.between(since, poll);
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(
          account + " not polled within " + timeout + "\n" + portal.tail(), late);
    }
  }

  /**
   * What the gateway got and what the database holds, read after the portal has stopped (an H2 file
   * can be read only then).
   */
  Figures figures(long job, Duration finished) throws SQLException {
    Map<String, Integer> received = gateway.received();
    try (Connection db = database.connect()) {
      long account = PortalDatabase.count(db, "select account_id from send_job where id = ?", job);
      Map<String, Long> chunks = new HashMap<>();
      List<Long> unknownChunks = new ArrayList<>();
      try (var query =
          db.prepareStatement("select id, state from send_chunk where job_id = ? order by id")) {
        query.setLong(1, job);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            chunks.merge(rows.getString(2), 1L, Long::sum);
            if ("UNKNOWN".equals(rows.getString(2))) {
              unknownChunks.add(rows.getLong(1));
            }
          }
        }
      }
      long unknownThatWent = 0;
      for (long chunk : unknownChunks) {
        String mobile = first(db, "select min(mobile) from send_number where chunk_id = ?", chunk);
        if (received.containsKey(mobile)) {
          unknownThatWent++;
        }
      }
      Set<StandInGateway.Report> stored = new HashSet<>();
      long storedRows = 0;
      try (var query =
          db.prepareStatement("select task_id, mobile from status_report where account_id = ?")) {
        query.setLong(1, account);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            storedRows++;
            stored.add(new StandInGateway.Report(rows.getString(1), rows.getString(2)));
          }
        }
      }
      long handedOut = 0;
      long lostInFlight = 0;
      long lostAfterStored = 0;
      List<Duration> lostBeforeKill = new ArrayList<>();
      for (StandInGateway.Handout handout : gateway.handouts()) {
        handedOut += handout.reports().size();
        long lost = handout.reports().stream().filter(r -> !stored.contains(r)).count();
        if (lost == 0) {
          continue;
        }
        Instant kill = nextKill(handout.at());
        if (askedAgainBeforeAKill(handout) || kill.equals(Instant.MAX)) {
          lostAfterStored += lost;
        } else {
          lostInFlight += lost;
          lostBeforeKill.add(Duration.between(handout.at(), kill));
        }
      }
      return new Figures(
          database.name(),
          (int) PortalDatabase.count(db, "select number_count from send_job where id = ?", job),
          kills.size(),
          received.size(),
          received.values().stream().filter(n -> n > 1).count(),
          chunks,
          unknownThatWent,
          handedOut,
          stored.size(),
          lostInFlight,
          lostAfterStored,
          lostBeforeKill,
          storedRows - stored.size(),
          longestPollGapAfterAKill(),
          longestWaitForAPollAfterARestart(),
          longestRestart(),
          finished,
          SendDayRecount.differences(
              db, PortalDatabase.count(db, "select tenant_id from send_job where id = ?", job)));
    }
  }

  /**
   * Whether the account polled again after this answer and before the next kill: the poller stores
   * an answer before it asks again, so then the answer had reached the database.
   */
  private boolean askedAgainBeforeAKill(StandInGateway.Handout handout) {
    Instant nextKill = nextKill(handout.at());
    return gateway.reportPolls(handout.account()).stream()
        .anyMatch(poll -> poll.isAfter(handout.at()) && poll.isBefore(nextKill));
  }

  private Instant nextKill(Instant after) {
    return kills.stream().filter(k -> k.isAfter(after)).findFirst().orElse(Instant.MAX);
  }

  private static String first(Connection db, String sql, long id) throws SQLException {
    try (var query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** The account's first report poll after {@code moment}; null if none came. */
  private Instant firstPollAfter(String account, Instant moment) {
    return gateway.reportPolls(account).stream()
        .filter(poll -> poll.isAfter(moment))
        .findFirst()
        .orElse(null);
  }

  /**
   * Over every kill and every account: the time between the account's last report poll before the
   * kill and its first one after it (zero without kills). It takes in the portal's restart.
   */
  Duration longestPollGapAfterAKill() {
    Duration longest = Duration.ZERO;
    for (String account : ACCOUNTS) {
      List<Instant> polls = gateway.reportPolls(account);
      for (Instant kill : kills) {
        Instant before =
            polls.stream().filter(p -> p.isBefore(kill)).reduce((a, b) -> b).orElse(null);
        Instant after = firstPollAfter(account, kill);
        if (before != null) {
          Duration gap = Duration.between(before, after == null ? Instant.now() : after);
          longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
      }
    }
    return longest;
  }

  /**
   * Over every restart and every account: from the portal answering again to the account's first
   * report poll after the kill (zero where it polled before it answered). The portal's own part of
   * the gap: no lock of its dead predecessor's to wait for.
   */
  Duration longestWaitForAPollAfterARestart() {
    Duration longest = Duration.ZERO;
    for (String account : ACCOUNTS) {
      for (Instant kill : kills) {
        Instant up = starts.stream().filter(s -> s.isAfter(kill)).findFirst().orElse(null);
        Instant after = firstPollAfter(account, kill);
        if (up != null) {
          Duration wait = Duration.between(up, after == null ? Instant.now() : after);
          longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
      }
    }
    return longest;
  }

  /** The longest time from a kill to the portal answering again (and acme logged in). */
  Duration longestRestart() {
    Duration longest = Duration.ZERO;
    for (Instant kill : kills) {
      Instant up = starts.stream().filter(s -> s.isAfter(kill)).findFirst().orElse(kill);
      Duration restart = Duration.between(kill, up);
      longest = restart.compareTo(longest) > 0 ? restart : longest;
    }
    return longest;
  }

  @Override
  public void close() throws Exception {
    try {
      portal.close();
    } finally {
      gateway.close();
    }
  }

  /** What a run left behind: at the gateway and in the database. */
  record Figures(
      String database,
      int numbers,
      int kills,
      long numbersReceived,
      long numbersReceivedTwice,
      Map<String, Long> chunks,
      long unknownChunksThatReachedTheGateway,
      long reportsHandedOut,
      long reportsStored,
      long reportsLostInFlight,
      long reportsLostAfterStored,
      List<Duration> lostAnswersHandedOutBeforeTheKill,
      long reportsStoredTwice,
      Duration longestPollGap,
      Duration longestWaitAfterRestart,
      Duration longestRestart,
      Duration finished,
      List<String> dayCountsOff) {

    long chunksIn(String state) {
      return chunks.getOrDefault(state, 0L);
    }

    long reportsLost() {
      return reportsLostInFlight + reportsLostAfterStored;
    }
  }
}
