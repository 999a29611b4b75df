package com.smsportal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The built portal jar ({@code target/sms-portal-*.jar}) as an operator runs it: {@code java -jar}
 * in a child process with its own arguments and environment, output appended to a log file. It can
 * be killed ({@code kill -9}: no shutdown hook, no last write) and started again on the same port
 * with the same data directory. Needs the jar: run from failsafe, after {@code package}.
 */
public final class PortalProcess implements AutoCloseable {

  /** Three minutes; {@code -Dportal.start-timeout-seconds} for a crowded machine. */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("portal.start-timeout-seconds", 180));

  /**
   * JVM options for a portal that a test starts for what it does, not for how fast it runs: the
   * quick compiler only (no C2 compiling on the side while Spring starts) and the serial collector.
   * A start then costs about 40% less CPU (16 s instead of 28 s on the CI machine), which the tests
   * that start a dozen portals on two cores notice. Benchmarks leave them off.
   */
  public static final List<String> QUICK_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Path jar;
  private final List<String> jvmOptions;
  private final List<String> arguments;
  private final Map<String, String> environment;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  public PortalProcess(List<String> arguments, Map<String, String> environment, Path log) {
    this(List.of(), arguments, environment, log);
  }

  /** The same with these JVM options (such as {@link #QUICK_START}) before {@code -jar}. */
  public PortalProcess(
      List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path log) {
    this(null, jvmOptions, arguments, environment, log);
  }

  /**
   * The same with another build's jar (null: this build's), to run two builds side by side in one
   * benchmark.
   */
  public PortalProcess(
      Path jar,
      List<String> jvmOptions,
      List<String> arguments,
      Map<String, String> environment,
      Path log) {
    this.jar = jar;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.arguments = List.copyOf(arguments);
    this.environment = Map.copyOf(environment);
    this.log = log;
    this.port = freePort();
  }

  /** The built jar, as {@code package} left it in target/. */
  public static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("sms-portal-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no built jar in target/: run package"));
    } catch (IOException e) {
      throw new IllegalStateException("no target/ directory: run package", e);
    }
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  /** Starts the portal with these extra arguments and waits until it answers its health check. */
  public PortalProcess start(String... extra) throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add((jar == null ? jar() : jar).toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Files.writeString(
        log,
        "\n==== start " + java.time.Instant.now() + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process = builder.start();
    awaitHealthy();
    return this;
  }

  /** The running process's id (for its CPU time in {@code /proc}). */
  public long pid() {
    return process.pid();
  }

  /** {@code kill -9}: the process gets no chance to finish anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** A graceful stop (SIGTERM), as an operator's restart does. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (running()) {
      kill();
    }
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    try {
      await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(this::healthy);
    } catch (ConditionTimeoutException late) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "the portal did not start within " + START_TIMEOUT + "\n" + tail(), late);
    }
  }

  /** Whether the portal answers its health check; a portal that exited fails the wait at once. */
  private boolean healthy() throws IOException, InterruptedException {
    if (!process.isAlive()) {
      throw new AssertionError("the portal exited on start; see " + log + "\n" + tail());
    }
    try {
      HttpResponse<Void> health =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return health.statusCode() == 200;
    } catch (IOException notYet) {
      return false; // not listening yet
    }
  }

  /** The end of the log, for a failure message. */
  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
