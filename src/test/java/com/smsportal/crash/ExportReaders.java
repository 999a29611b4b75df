package com.smsportal.crash;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo customer acme reading exports and pages while the portal works (issue 27): one user
 * reads the receipts and replies exports to the end over and over, one starts receipts exports and
 * cancels each after its first 256 KB (a download stopped half way), one reads the receipts list
 * page by page down its "older" links and the dashboard. Every export read to the end is kept
 * (status, rows, its last line); whatever failed is named.
 */
final class ExportReaders implements AutoCloseable {

  private static final Pattern OLDER = Pattern.compile("before=(\\d+-\\d+)");
  private static final int CANCEL_AFTER = 256 * 1024;

  /** One export read to its end: data rows (the header not counted) and its last line. */
  record Export(String path, int status, long rows, long bytes, String lastLine, long millis) {

    double rowsPerSecond() {
      return rows / Math.max(1e-3, millis / 1e3);
    }
  }

  /** What the readers saw. */
  record Seen(
      List<Export> complete, List<String> failures, int cancelled, long pages, long pageFailures) {}

  private final PortalHttpClient acme;
  private final ExecutorService users;
  private final List<Export> complete = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger cancelled = new AtomicInteger();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong pageFailures = new AtomicLong();
  private volatile boolean stopped;

  /** Starts the three readers. */
  ExportReaders(int port) throws Exception {
    this(port, 3);
    users.submit(this::readExports);
    users.submit(this::cancelExports);
    users.submit(this::readPages);
  }

  /** A signed-in reader for {@link #export} only, with {@code threads} threads for readers. */
  ExportReaders(int port, int threads) throws Exception {
    acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    users = Executors.newFixedThreadPool(Math.max(1, threads));
  }

  /** Reads an export to its end. */
  Export export(String path) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> answer = acme.stream(path);
    long rows = -1; // the header is no row
    long bytes = 0;
    byte[] line = new byte[4096];
    int length = 0;
    String last = "";
    try (InputStream body = answer.body()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = body.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            rows++;
            last = new String(line, 0, length, StandardCharsets.UTF_8).strip();
            length = 0;
          } else if (length < line.length) {
            line[length++] = b;
          }
        }
      }
    }
    return new Export(
        path,
        answer.statusCode(),
        Math.max(0, rows),
        bytes,
        last,
        (System.nanoTime() - start) / 1_000_000);
  }

  private Void readExports() {
    for (int i = 0; !stopped; i++) {
      String path = i % 3 == 2 ? "/replies/export" : "/receipts/export";
      try {
        Export export = export(path);
        if (export.status() != 200) {
          failures.add(export.status() + " " + path);
        } else if (path.startsWith("/receipts")) {
          complete.add(export);
        }
      } catch (IOException | InterruptedException e) {
        failures.add(e + " " + path);
      }
    }
    return null;
  }

  private Void cancelExports() {
    while (!stopped) {
      try {
        HttpResponse<InputStream> answer = acme.stream("/receipts/export");
        try (InputStream body = answer.body()) {
          body.readNBytes(CANCEL_AFTER);
        } // closed half way: the download is cancelled
        cancelled.incrementAndGet();
      } catch (IOException | InterruptedException e) {
        failures.add("cancelled export: " + e);
      }
    }
    return null;
  }

  private Void readPages() {
    String older = null;
    for (int i = 0; !stopped; i++) {
      String path = i % 4 == 3 ? "/" : older == null ? "/receipts" : "/receipts?before=" + older;
      try {
        HttpResponse<String> page = acme.get(path);
        pages.incrementAndGet();
        if (page.statusCode() != 200) {
          pageFailures.incrementAndGet();
          failures.add(page.statusCode() + " " + path);
        } else if (!path.equals("/")) {
          Matcher m = OLDER.matcher(page.body());
          older = m.find() ? m.group(1) : null;
        }
      } catch (IOException | InterruptedException e) {
        pageFailures.incrementAndGet();
        failures.add(e + " " + path);
      }
    }
    return null;
  }

  /** Stops the readers (each finishes what it reads); what they saw. */
  Seen stop() throws InterruptedException {
    stopped = true;
    users.shutdown();
    users.awaitTermination(5, TimeUnit.MINUTES);
    return new Seen(
        List.copyOf(complete),
        List.copyOf(failures),
        cancelled.get(),
        pages.get(),
        pageFailures.get());
  }

  @Override
  public void close() throws InterruptedException {
    if (!stopped) {
      stop();
    }
  }
}
