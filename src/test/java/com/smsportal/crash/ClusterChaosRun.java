package com.smsportal.crash;

import static org.awaitility.Awaitility.await;

import com.smsportal.Logins;
import com.smsportal.MultipartForm;
import com.smsportal.PortalDatabase;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalProcess;
import com.smsportal.cluster.LoadBalancer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several portal jars on one MariaDB database and the stand-in gateway: the demo customer acme
 * makes gateway accounts on the stand-in, sends a job on each, and the test kills a random node
 * ({@code kill -9}) every few seconds and starts it again, while the nodes submit the chunks and
 * drain the reports. At the end it counts what the gateway got and handed out against what the
 * database holds. Shared by {@link ClusterChaosBenchmark} and {@link ClusterChaosIntegrationTests}.
 */
final class ClusterChaosRun implements AutoCloseable {

  private static final Pattern SIMULATOR_ENDPOINT =
      Pattern.compile("<option value=\"(\\d+)\"[^>]*>[^<]*\u6a21\u62df\u5668");
  private static final Pattern FIELD_ERROR = Pattern.compile("class=\"field-error\"[^>]*>([^<]+)<");
  private static final Pattern KEY =
      Pattern.compile("name=\"idempotencyKey\"[^>]*value=\"([^\"]+)\"");

  /** A kill: which node (by node id), when. */
  record Kill(String node, Instant at) {}

  private final Path work;
  private final StandInGateway gateway;
  private final PortalDatabase database;
  private final List<PortalProcess> nodes = new ArrayList<>();
  private final List<String> nodeIds = new ArrayList<>();
  private final List<Kill> kills = new CopyOnWriteArrayList<>();
  private final Set<Integer> restarting = ConcurrentHashMap.newKeySet();
  private final ExecutorService restarts = Executors.newCachedThreadPool();
  private final List<Future<?>> restarted = new CopyOnWriteArrayList<>();
  private final Map<Long, Integer> jobs = new LinkedHashMap<>();
  private final List<Long> accountIds = new ArrayList<>();
  private PortalHttpClient acme;
  private LoadBalancer balancer;
  private PageProbe probe;
  private PageProbe.Seen pages;

  /**
   * @param work a directory of its own: the nodes' data directories and logs go there
   * @param suffix the MariaDB database's suffix
   * @param nodeCount how many portal nodes
   * @param jvmOptions the nodes' JVM options (the test's {@link PortalProcess#QUICK_START}; none
   *     for the benchmark, which runs the portal as shipped)
   * @param settings extra portal arguments for every node and start
   */
  ClusterChaosRun(
      Path work, String suffix, int nodeCount, List<String> jvmOptions, List<String> settings)
      throws Exception {
    this.work = Files.createDirectories(work);
    gateway = new StandInGateway();
    database = PortalDatabase.fresh(work.resolve("n1"), suffix);
    for (int i = 1; i <= nodeCount; i++) {
      List<String> arguments = new ArrayList<>(database.demoArguments(work.resolve("n" + i)));
      arguments.add("--smsportal.demo.gateway-base-url=" + gateway.baseUrl());
      arguments.addAll(settings);
      if (i > 1) {
        // The credentials' key is the first node's: every node decrypts the same accounts.
        arguments.add(
            "--smsportal.encryption.key-file="
                + work.resolve("n1").resolve("encryption.key").toAbsolutePath());
      }
      nodes.add(
          new PortalProcess(
              jvmOptions, arguments, database.portalEnvironment(), work.resolve("n" + i + ".log")));
    }
  }

  StandInGateway gateway() {
    return gateway;
  }

  PortalDatabase database() {
    return database;
  }

  /** The running nodes' process ids. */
  List<Long> pids() {
    return nodes.stream().map(PortalProcess::pid).toList();
  }

  int nodeCount() {
    return nodes.size();
  }

  /** Starts the first node (it makes the credentials' key), then the others at once. */
  void start() throws Exception {
    nodes.get(0).start();
    List<Future<?>> others = new ArrayList<>();
    for (int i = 1; i < nodes.size(); i++) {
      PortalProcess node = nodes.get(i);
      others.add(
          restarts.submit(
              () -> {
                node.start();
                return null;
              }));
    }
    for (Future<?> other : others) {
      other.get(5, TimeUnit.MINUTES);
    }
    for (int i = 1; i <= nodes.size(); i++) {
      nodeIds.add(Files.readString(work.resolve("n" + i).resolve("node-id")).strip());
    }
    acme = new PortalHttpClient(nodes.get(0).port()).logIn("acme", Logins.DEMO_PASSWORD);
    Map<String, PortalProcess> named = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      named.put("n" + (i + 1), nodes.get(i));
    }
    balancer = new LoadBalancer(work, named);
  }

  /**
   * From now until the run is finished, four signed-in users read list pages through HAProxy in
   * front of the nodes (round robin, health-checked, a request whose node died sent to another).
   */
  void watchPages() throws Exception {
    probe = new PageProbe(balancer.port(), "acme", Logins.DEMO_PASSWORD, 4);
  }

  /** acme's new gateway accounts on the stand-in, named bench-1 … bench-n; their ids. */
  List<Long> createAccounts(int count, int chunkSize) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String form = acme.get("/accounts/new").body();
      Matcher endpoint = SIMULATOR_ENDPOINT.matcher(form);
      if (!endpoint.find()) {
        throw new AssertionError("the demo's stand-in endpoint is not offered");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("_csrf", PortalHttpClient.csrf(form));
      fields.put("name", "bench-" + i);
      fields.put("endpointId", endpoint.group(1));
      fields.put("charset", "UTF8");
      fields.put("userid", Integer.toString(1000 + i));
      fields.put("account", "bench-" + i);
      fields.put("password", "stand-in-" + i);
      fields.put("passwordConfirmation", "stand-in-" + i);
      fields.put("chunkSize", Integer.toString(chunkSize));
      fields.put("active", "true");
      // As a browser sends the form: the markers say the check boxes were there (one unticked).
      fields.put("_active", "on");
      fields.put("_extnoSupported", "on");
      fields.put("lowBalanceThreshold", "");
      var answer =
          acme.post(
              "/accounts",
              new MultipartForm(fields, "none", "none.txt", "text/plain", new byte[0]));
      String location = answer.headers().firstValue("Location").orElse("");
      if (answer.statusCode() != 302 || !location.matches(".*/accounts/\\d+.*")) {
        List<String> problems = new ArrayList<>();
        Matcher problem = FIELD_ERROR.matcher(answer.body());
        while (problem.find()) {
          problems.add(problem.group(1).strip());
        }
        Files.writeString(work.resolve("refused-account.html"), answer.body());
        throw new AssertionError(
            "account bench-"
                + i
                + " not made: "
                + answer.statusCode()
                + " "
                + problems
                + " (the page: "
                + work.resolve("refused-account.html")
                + ")");
      }
      ids.add(Long.parseLong(location.replaceAll(".*/accounts/(\\d+).*", "$1")));
    }
    accountIds.addAll(ids);
    return ids;
  }

  /** Sends {@code count} numbers from {@code first} on through {@code POST /send}; the job id. */
  long send(long accountId, int first, int count) throws Exception {
    StringBuilder file = new StringBuilder();
    for (int i = first; i < first + count; i++) {
      file.append(String.format("139%08d", i)).append('\n');
    }
    String compose = acme.get("/send").body();
    Matcher key = KEY.matcher(compose);
    if (!key.find()) {
      throw new AssertionError("no idempotency key on the compose page");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", PortalHttpClient.csrf(compose));
    fields.put("idempotencyKey", key.group(1));
    fields.put("accountId", Long.toString(accountId));
    fields.put("mobiles", "");
    fields.put("content", CrashRun.CONTENT);
    fields.put("sendTime", "");
    fields.put("extno", "");
    var answer =
        acme.confirmSend(
            acme.post(
                "/send",
                new MultipartForm(
                    fields,
                    "file",
                    "numbers.txt",
                    "text/plain",
                    file.toString().getBytes(StandardCharsets.UTF_8))));
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || !location.matches(".*/jobs/\\d+.*")) {
      throw new AssertionError("the job was not stored: " + answer.statusCode() + " " + location);
    }
    long job = Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"));
    jobs.put(job, count);
    return job;
  }

  /**
   * {@code count} times: waits a random 5 to 10 s (and, while only one node is up, for another one
   * to be back: the last node up is never killed), kills a random running node with {@code kill -9}
   * and starts it again in the background (as a supervisor would).
   */
  void chaos(int count, Random random) throws Exception {
    for (int i = 0; i < count; i++) {
      Thread.sleep(5000 + random.nextInt(5001));
      List<Integer> up = up();
      int keep = nodes.size() > 1 ? 1 : 0;
      while (up.size() <= keep) {
        // A start takes longer than the pause on a busy machine: the next kill waits until a node
        // besides the last one up is back, so that every kill happens and, with several nodes,
        // the cluster always has a node serving (as when one of its machines dies).
        Thread.sleep(200);
        up = up();
      }
      int n = up.get(random.nextInt(up.size()));
      PortalProcess node = nodes.get(n);
      restarting.add(n);
      node.kill();
      kills.add(new Kill(nodeIds.get(n), Instant.now()));
      restarted.add(
          restarts.submit(
              () -> {
                try {
                  node.start();
                } finally {
                  restarting.remove(n);
                }
                return null;
              }));
    }
  }

  private List<Integer> up() {
    List<Integer> up = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      if (!restarting.contains(n)) {
        up.add(n);
      }
    }
    return up;
  }

  /** Waits for every restart, every chunk to leave the queue and every report to be drained. */
  void awaitFinished(Duration timeout) throws Exception {
    for (Future<?> restart : restarted) {
      restart.get(5, TimeUnit.MINUTES);
    }
    await("every chunk out of the queue and every report drained")
        .atMost(timeout)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                database.count(
                            "select count(*) from send_chunk where job_id in ("
                                + jobList()
                                + ") and state in ('QUEUED', 'SUBMITTING')")
                        == 0
                    && gateway.drained());
    // An answer fetched just before the gateway counted the account as drained is stored by now.
    Thread.sleep(3000);
    if (probe != null) {
      pages = probe.stop();
    }
  }

  private String jobList() {
    return jobs.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
  }

  /** What the gateway got and handed out, against what the database holds. */
  Figures figures() throws SQLException {
    Map<String, Integer> received = gateway.received();
    long twice = received.values().stream().filter(n -> n > 1).count();
    Map<String, Long> chunks = new LinkedHashMap<>();
    long unknownReached = 0;
    long unknownUnexplained = 0;
    Instant firstCall = null;
    Instant lastAnswer = null;
    long submittedNumbers = 0;
    Set<String> stored = new HashSet<>();
    long storedRows = 0;
    try (Connection db = database.connect()) {
      try (var query =
          db.prepareStatement(
              "select c.id, c.state, c.claimed_by, c.attempted_at, c.answered_at, c.number_count,"
                  + " (select min(n.mobile) from send_number n where n.chunk_id = c.id)"
                  + " from send_chunk c where c.job_id in ("
                  + jobList()
                  + ")")) {
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String state = rows.getString(2);
            chunks.merge(state, 1L, Long::sum);
            Instant attempted = instant(rows.getTimestamp(4));
            Instant answered = instant(rows.getTimestamp(5));
            if ("SUBMITTED".equals(state)) {
              submittedNumbers += rows.getLong(6);
              firstCall =
                  firstCall == null || attempted.isBefore(firstCall) ? attempted : firstCall;
              lastAnswer =
                  lastAnswer == null || answered.isAfter(lastAnswer) ? answered : lastAnswer;
            }
            if ("UNKNOWN".equals(state)) {
              if (received.containsKey(rows.getString(7))) {
                unknownReached++;
              }
              if (!killedDuring(rows.getString(3), attempted)) {
                unknownUnexplained++;
              }
            }
          }
        }
      }
      try (var query =
          db.prepareStatement(
              "select r.task_id, r.mobile from status_report r join gateway_account a"
                  + " on a.id = r.account_id where a.name like 'bench-%'")) {
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            stored.add(rows.getString(1) + "/" + rows.getString(2));
            storedRows++;
          }
        }
      }
    }
    // Which node held each account's poll lock last: the pollers spread the accounts over nodes.
    Map<String, Long> pollLocks = new java.util.TreeMap<>();
    try (Connection db = database.connect();
        var query = db.prepareStatement("select locked_by from shedlock where name = ?")) {
      for (long account : accountIds) {
        query.setString(1, "poll-account-" + account);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            int n = nodeIds.indexOf(rows.getString(1));
            pollLocks.merge(n < 0 ? rows.getString(1) : "n" + (n + 1), 1L, Long::sum);
          }
        }
      }
    }
    long handedOut = 0;
    long lost = 0;
    for (StandInGateway.Handout handout : gateway.handouts()) {
      if (!handout.account().startsWith("bench-")) {
        continue;
      }
      for (StandInGateway.Report report : handout.reports()) {
        handedOut++;
        if (!stored.contains(report.taskId() + "/" + report.mobile())) {
          lost++;
        }
      }
    }
    double seconds =
        firstCall == null || lastAnswer == null
            ? 0
            : Duration.between(firstCall, lastAnswer).toMillis() / 1e3;
    return new Figures(
        nodes.size(),
        kills.size(),
        jobs.values().stream().mapToLong(Integer::longValue).sum(),
        received.size(),
        twice,
        chunks,
        unknownReached,
        unknownUnexplained,
        handedOut,
        stored.size(),
        lost,
        storedRows - stored.size(),
        seconds == 0 ? 0 : submittedNumbers / seconds,
        pages,
        pollLocks);
  }

  /** Whether the node that claimed a chunk was killed after its call began. */
  private boolean killedDuring(String node, Instant attempted) {
    return attempted != null
        && kills.stream().anyMatch(k -> k.node().equals(node) && k.at().isAfter(attempted));
  }

  private static Instant instant(Timestamp time) {
    return time == null ? null : time.toInstant();
  }

  /** A run's figures. */
  record Figures(
      int nodes,
      int kills,
      long numbers,
      long numbersReceived,
      long numbersReceivedTwice,
      Map<String, Long> chunks,
      long unknownChunksThatReachedTheGateway,
      long unknownChunksNotInDoubt,
      long reportsHandedOut,
      long reportsStored,
      long reportsLost,
      long reportsStoredTwice,
      double numbersPerSecond,
      PageProbe.Seen pages,
      Map<String, Long> lastPollLockByNode) {

    long chunksIn(String state) {
      return chunks.getOrDefault(state, 0L);
    }
  }

  @Override
  public void close() throws Exception {
    if (probe != null) {
      probe.close();
    }
    if (balancer != null) {
      balancer.close();
    }
    for (PortalProcess node : nodes) {
      node.close();
    }
    restarts.shutdownNow();
    gateway.close();
  }
}
