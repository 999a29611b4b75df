package com.smsportal.crash;

import com.smsportal.PortalHttpClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed-in users reading pages through the load balancer while the benchmark runs (and nodes die):
 * each user asks for the next of a few list pages four times a second, and every answer's time and
 * status is kept. What a user of the portal sees of a node's death.
 */
final class PageProbe implements AutoCloseable {

  private static final List<String> PAGES = List.of("/", "/jobs", "/receipts", "/replies");

  /** What the users saw: answers, failures (not 200, or no answer), and the answers' times. */
  record Seen(
      long answers,
      long failures,
      long p50Millis,
      long p99Millis,
      long maxMillis,
      Map<String, Long> failuresByKind) {}

  private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong failures = new AtomicLong();
  private final Map<String, Long> kinds = new ConcurrentHashMap<>();
  private final ExecutorService users;
  private volatile boolean stopped;

  PageProbe(int balancerPort, String username, String password, int userCount) throws Exception {
    users = Executors.newFixedThreadPool(userCount);
    for (int u = 0; u < userCount; u++) {
      PortalHttpClient user = signIn(balancerPort, username, password);
      int first = u;
      users.submit(() -> read(user, first));
    }
  }

  /** Signs in through the balancer; a node dying under the sign-in means trying again. */
  private static PortalHttpClient signIn(int port, String username, String password)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return new PortalHttpClient(port).logIn(username, password);
      } catch (Exception | AssertionError e) {
        if (attempt == 10) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private Void read(PortalHttpClient user, int first) throws InterruptedException {
    for (int i = first; !stopped; i++) {
      String page = PAGES.get(i % PAGES.size());
      long start = System.nanoTime();
      try {
        HttpResponse<String> answer = user.get(page);
        if (answer.statusCode() != 200) {
          failed(
              answer.statusCode()
                  + " "
                  + page
                  + answer.headers().firstValue("Location").map(l -> " -> " + l).orElse(""));
        }
      } catch (IOException noAnswer) {
        failed(noAnswer.getClass().getSimpleName() + " " + page);
      }
      millis.add((System.nanoTime() - start) / 1_000_000);
      Thread.sleep(250);
    }
    return null;
  }

  private void failed(String kind) {
    failures.incrementAndGet();
    kinds.merge(kind, 1L, Long::sum);
  }

  /** Stops the users; what they saw. */
  Seen stop() throws InterruptedException {
    stopped = true;
    users.shutdown();
    users.awaitTermination(1, TimeUnit.MINUTES);
    List<Long> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new Seen(0, failures.get(), 0, 0, 0, Map.copyOf(kinds));
    }
    return new Seen(
        sorted.size(),
        failures.get(),
        sorted.get(sorted.size() / 2),
        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
        sorted.get(sorted.size() - 1),
        Map.copyOf(kinds));
  }

  @Override
  public void close() throws InterruptedException {
    if (!stopped) {
      stop();
    }
  }
}
