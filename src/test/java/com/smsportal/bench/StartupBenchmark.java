package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.PortalHttpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Start-up and list-page cost of the built portal jar against spring-petclinic's jar, in one run on
 * one machine (issue 27): each jar as a user runs it ({@code java -jar}, its defaults: the portal's
 * demo on its H2 file, petclinic on its in-memory H2), started {@code bench.starts} times
 * alternately; then both running side by side under Debian's wrk with the same settings, the
 * portal's list pages signed in with one session and with 32, petclinic's owners list between them.
 * Prints medians and ratios; asserts only that every answer was a success. Not part of {@code
 * ./mvnw verify}:
 *
 * <pre>./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=StartupBenchmark -Dbench.petclinic=../spring-petclinic/target</pre>
 *
 * {@code bench.petclinic}: petclinic's jar or its {@code target/} (README "Benchmarks" says how to
 * build it); {@code bench.before}: another build's portal jar started alongside (before/after in
 * one run); {@code bench.cds=false} leaves out the portal's class-data-sharing run ({@code
 * target/cds}, made with the commands of README "Run and test", as the Docker image makes it);
 * {@code bench.starts} (default 7), {@code bench.seconds} (wrk's run per page, default 15), {@code
 * bench.pages=false} start-up only.
 */
class StartupBenchmark {

  static final Path WRK = Path.of("/usr/bin/wrk");
  static final Path WORK = Path.of("target", "startup-benchmark");
  static final List<String> PAGES = List.of("/", "/jobs", "/receipts", "/optouts");

  /** How one contestant is started: its command before {@code --server.port}, its first page. */
  record Contestant(String name, List<String> command, String firstPage, Path dataDir) {}

  /** One start: wall time to the first 200, Spring's own "Started … in", CPU seconds by then. */
  record Start(double seconds, double springSeconds, double cpuSeconds) {}

  @Test
  void startUpAndListPagesAgainstPetclinic() throws Exception {
    Path petclinic = petclinicJar();
    Assumptions.assumeTrue(petclinic != null, "-Dbench.petclinic=<petclinic jar or its target/>");
    Files.createDirectories(WORK);
    int starts = Integer.getInteger("bench.starts", 7);
    List<Contestant> contestants = new ArrayList<>();
    contestants.add(portal("portal", List.of("-jar", portalJar().toString())));
    Path cds = Path.of("target", "cds");
    if (Boolean.parseBoolean(System.getProperty("bench.cds", "true"))
        && Files.exists(cds.resolve("sms-portal.jsa"))) {
      Path extracted;
      try (var files = Files.list(cds)) {
        extracted =
            files
                .filter(f -> f.getFileName().toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow();
      }
      contestants.add(
          portal(
              "portal-cds",
              List.of(
                  "-XX:SharedArchiveFile=" + cds.resolve("sms-portal.jsa").toAbsolutePath(),
                  "-jar",
                  extracted.toAbsolutePath().toString())));
    }
    String before = System.getProperty("bench.before", "");
    if (!before.isEmpty()) {
      contestants.add(
          portal("before", List.of("-jar", Path.of(before).toAbsolutePath().toString())));
    }
    contestants.add(new Contestant("petclinic", List.of("-jar", petclinic.toString()), "/", null));

    System.out.println("StartupBenchmark: load before " + uptime());
    Map<String, List<Start>> firstStarts = new LinkedHashMap<>();
    Map<String, List<Start>> results = new LinkedHashMap<>();
    for (Contestant c : contestants) {
      // A portal's first start makes its database (Flyway, the demo's data); the later ones are
      // restarts on it, as a user's every next start. Petclinic's database lives in memory.
      firstStarts.put(c.name(), List.of(startAndStop(c)));
      results.put(c.name(), new ArrayList<>());
    }
    for (int round = 0; round < starts; round++) {
      for (Contestant c : contestants) {
        results.get(c.name()).add(startAndStop(c));
      }
    }
    System.out.println("StartupBenchmark: " + starts + " starts each, alternately; " + uptime());
    System.out.printf(
        "%-12s %12s %14s %12s %10s %12s%n",
        "", "first start", "median start", "(Spring's)", "CPU s", "vs petclinic");
    double base = median(results.get("petclinic"), Start::seconds);
    for (Contestant c : contestants) {
      List<Start> runs = results.get(c.name());
      System.out.printf(
          "%-12s %11.2fs %13.2fs %11.2fs %10.1f %11.2fx%n",
          c.name(),
          firstStarts.get(c.name()).get(0).seconds(),
          median(runs, Start::seconds),
          median(runs, Start::springSeconds),
          median(runs, Start::cpuSeconds),
          median(runs, Start::seconds) / base);
    }
    if (Boolean.parseBoolean(System.getProperty("bench.pages", "true"))) {
      pages(contestants.get(0), contestants.get(contestants.size() - 1));
    }
  }

  /** The list pages signed in (1 and 32 sessions) and petclinic's owners list, alternately. */
  private void pages(Contestant portal, Contestant petclinic) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(WRK), "install wrk (apt-get install wrk)");
    int seconds = Integer.getInteger("bench.seconds", 15);
    int portalPort = freePort();
    int petclinicPort = freePort();
    Process p = launch(portal, portalPort);
    Process q = launch(petclinic, petclinicPort);
    try {
      awaitFirstAnswer(p, portalPort, portal.firstPage());
      awaitFirstAnswer(q, petclinicPort, petclinic.firstPage());
      List<String> sessions = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        sessions.add(new PortalHttpClient(portalPort).logIn("acme", "demo12345").sessionId());
      }
      String owners = "/owners?lastName=";
      // Warm-up, checked too: the first requests of a new session at once all answer (issue 27:
      // they raced to store its CSRF token before, SharedSessionIntegrationTests).
      for (String page : PAGES) {
        wrk(portalPort, page, sessions, 5);
      }
      wrk(petclinicPort, owners, List.of(), 5);
      System.out.println("StartupBenchmark pages: wrk -t2 -c32 -d" + seconds + "s; " + uptime());
      System.out.printf(
          "%-10s %12s %10s %14s %10s%n", "page", "1 session", "ratio", "32 sessions", "ratio");
      List<Double> petclinicRuns = new ArrayList<>();
      for (String page : PAGES) {
        double one = wrk(portalPort, page, sessions.subList(0, 1), seconds);
        double pc = wrk(petclinicPort, owners, List.of(), seconds);
        double many = wrk(portalPort, page, sessions, seconds);
        petclinicRuns.add(pc);
        System.out.printf(
            "%-10s %12.1f %9.2fx %14.1f %9.2fx   (petclinic %s: %.1f req/s)%n",
            page, one, one / pc, many, many / pc, owners, pc);
      }
      System.out.printf(
          "petclinic %s median %.1f req/s; %s%n", owners, median(petclinicRuns, d -> d), uptime());
    } finally {
      stop(p);
      stop(q);
    }
  }

  private Contestant portal(String name, List<String> command) throws IOException {
    Path data = WORK.resolve(name + "-data").toAbsolutePath();
    if (Files.exists(data)) {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    return new Contestant(name, command, "/login", data);
  }

  private Start startAndStop(Contestant c) throws Exception {
    int port = freePort();
    long began = System.nanoTime();
    Process process = launch(c, port);
    try {
      awaitFirstAnswer(process, port, c.firstPage());
      double seconds = (System.nanoTime() - began) / 1e9;
      double cpu = cpuSeconds(process.pid());
      Path log = WORK.resolve(c.name() + ".log");
      Matcher started =
          Pattern.compile("Started \\S+ in ([\\d.]+) seconds").matcher(Files.readString(log));
      double spring = -1;
      while (started.find()) {
        spring = Double.parseDouble(started.group(1));
      }
      return new Start(seconds, spring, cpu);
    } finally {
      stop(process);
    }
  }

  private Process launch(Contestant c, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(c.command());
    command.add("--server.port=" + port);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(WORK.resolve(c.name() + ".log").toFile());
    if (c.dataDir() != null) {
      builder.environment().put("SMSPORTAL_DATA_DIR", c.dataDir().toString());
    }
    return builder.start();
  }

  private static void awaitFirstAnswer(Process process, int port, String page) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the process runs").isTrue();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      // A busy wait at a 20 ms step: what is measured is the first answer, to within 20 ms.
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError("no answer on " + page + " within 5 minutes");
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** User and system CPU of the process so far, from /proc (clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private double wrk(int port, String page, List<String> sessions, int seconds) throws Exception {
    Path script = Files.createTempFile("sessions-", ".lua");
    Files.writeString(
        script,
        "local sessions = {"
            + sessions.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))
            + "}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  local headers = {}\n"
            + "  if #sessions > 0 then headers[\"Cookie\"] = \"SESSION=\" .."
            + " sessions[(i % #sessions) + 1] end\n"
            + "  return wrk.format(\"GET\", nil, headers)\nend\n",
        StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(
                WRK.toString(),
                "-t2",
                "-c32",
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port + page)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Files.delete(script);
    assertThat(out).as(page + " answers every request").doesNotContain("Non-2xx");
    assertThat(out).as(page).doesNotContain("Socket errors");
    Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
    assertThat(rate.find()).as(out).isTrue();
    return Double.parseDouble(rate.group(1));
  }

  private static Path portalJar() {
    return com.smsportal.PortalProcess.jar().toAbsolutePath();
  }

  private static Path petclinicJar() throws IOException {
    String given = System.getProperty("bench.petclinic", "");
    if (given.isEmpty()) {
      return null;
    }
    Path path = Path.of(given).toAbsolutePath();
    if (!Files.isDirectory(path)) {
      return path;
    }
    try (var files = Files.list(path)) {
      return files
          .filter(f -> f.getFileName().toString().matches("spring-petclinic-.*[^s]\\.jar"))
          .findFirst()
          .orElse(null);
    }
  }

  private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> of) {
    double[] sorted = values.stream().mapToDouble(of).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String uptime() throws IOException {
    return "load " + Files.readString(Path.of("/proc/loadavg")).trim();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
