package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.H2FileBreak;
import jakarta.servlet.AsyncEvent;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * Issue 27's cause: on the embedded H2, a receipts export that outlived its request timeout (or
 * whose reader went away) was cancelled by Spring MVC with {@code Future.cancel(true)}; the
 * interrupt reached the export's thread inside a read of H2's file, which closed the file, and
 * every later statement failed. Both layers of the fix: streamed downloads are never interrupted,
 * and the portal's H2 URL reopens a file that an interrupt closed.
 */
class InterruptedDownloadTests {

  @Test
  void aTimedOutDownloadIsNotInterruptedWhereSpringMvcInterruptsItByDefault() throws Exception {
    assertThat(interruptedOnTimeout(new SimpleAsyncTaskExecutor())).as("Spring MVC's").isTrue();
    assertThat(interruptedOnTimeout(new NoInterruptExecutor(new SimpleAsyncTaskExecutor())))
        .as("the portal's")
        .isFalse();
  }

  @Test
  void thePortalsH2FileSurvivesAnInterruptedReadThatBrokeThePlainOne(@TempDir Path dir)
      throws Exception {
    String shipped = shippedH2Url();
    assertThat(shipped).startsWith("jdbc:h2:retry:file:${smsportal.data-dir}/smsportal;");
    String options = shipped.substring(shipped.indexOf(';'));

    String plain = H2FileBreak.create("file:", dir.resolve("plain"), options);
    assertThat(readsAndWritesAfterAnInterruptedRead(plain)).as("a plain H2 file").isFalse();

    String portal = H2FileBreak.create("retry:file:", dir.resolve("portal"), options);
    assertThat(readsAndWritesAfterAnInterruptedRead(portal)).as("the portal's H2 file").isTrue();
  }

  /** Whether Spring MVC's timeout handling interrupts a running download on this executor. */
  private static boolean interruptedOnTimeout(AsyncTaskExecutor executor) throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch timedOut = new CountDownLatch(1);
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    CompletableFuture<Boolean> seenCancelled = new CompletableFuture<>();
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAsyncSupported(true);
    StandardServletAsyncWebRequest web =
        new StandardServletAsyncWebRequest(request, new MockHttpServletResponse());
    WebAsyncManager manager = WebAsyncUtils.getAsyncManager(request);
    manager.setTaskExecutor(executor);
    manager.setAsyncWebRequest(web);
    manager.startCallableProcessing(
        () -> {
          running.countDown();
          try {
            timedOut.await(); // a download at work when its request times out
            // Told, not interrupted: a download stops after its batch.
            seenCancelled.complete(NoInterruptExecutor.cancelled());
            interrupted.complete(Thread.currentThread().isInterrupted());
          } catch (InterruptedException e) {
            seenCancelled.complete(false);
            interrupted.complete(true);
          }
          return null;
        });
    running.await();
    web.onTimeout(new AsyncEvent(request.getAsyncContext())); // as Tomcat calls it
    timedOut.countDown();
    boolean wasInterrupted = interrupted.get(10, TimeUnit.SECONDS);
    if (executor instanceof NoInterruptExecutor) {
      assertThat(seenCancelled.get()).as("the download knows it was cancelled").isTrue();
    }
    return wasInterrupted;
  }

  /** With the database open (as a portal holds it), whether it still works after the break. */
  private static boolean readsAndWritesAfterAnInterruptedRead(String url) throws Exception {
    try (Connection open = DriverManager.getConnection(url, "sa", "")) {
      H2FileBreak.interruptedRead(url);
      try (Statement s = open.createStatement()) {
        s.executeQuery("select sum(length(text)) from filler").close();
        s.execute("insert into filler values (0, 'after')");
        return true;
      } catch (SQLException broken) {
        return false;
      }
    }
  }

  private static String shippedH2Url() throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        InterruptedDownloadTests.class.getResourceAsStream("/application.properties")) {
      properties.load(in);
    }
    return properties.getProperty("spring.datasource.url");
  }
}
