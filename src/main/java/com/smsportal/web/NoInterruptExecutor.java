package com.smsportal.web;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * The executor of Spring MVC's asynchronous requests (every streamed download: the CSV and XLSX
 * exports) whose tasks are never interrupted. Why (issue 27): when such a request times out or its
 * client goes away, Spring MVC cancels the task with {@code Future.cancel(true)}, which interrupts
 * the thread writing the download, and that thread is usually inside a JDBC call. An interrupt
 * during a read of a {@link java.nio.channels.FileChannel} closes the channel, and the embedded
 * H2's channel is the database's only one: from then on every statement of every thread failed
 * ("Reading from file ... failed", "IO Exception") until a restart. Here a cancel only marks the
 * task cancelled, which the download sees ({@link #cancelled}) after the batch it reads: it stops
 * there, after its database read has ended normally. (Writes to a response the container has
 * finished are dropped without an error, so without that check it read on to its end.)
 */
final class NoInterruptExecutor implements AsyncTaskExecutor {

  private static final ThreadLocal<AtomicBoolean> CANCELLED = new ThreadLocal<>();

  private final AsyncTaskExecutor delegate;

  NoInterruptExecutor(AsyncTaskExecutor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    delegate.execute(task);
  }

  @Override
  public Future<?> submit(Runnable task) {
    return submit(
        () -> {
          task.run();
          return null;
        });
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    AtomicBoolean cancelled = new AtomicBoolean();
    Future<T> future =
        delegate.submit(
            () -> {
              CANCELLED.set(cancelled);
              try {
                return task.call();
              } finally {
                CANCELLED.remove();
              }
            });
    return new NoInterrupt<>(future, cancelled);
  }

  /**
   * Whether the asynchronous request this thread works for was cancelled (timed out, or its client
   * went away): a download checks it between batches.
   */
  static boolean cancelled() {
    AtomicBoolean cancelled = CANCELLED.get();
    return cancelled != null && cancelled.get();
  }

  /** A future whose cancel never interrupts its task's thread, only tells it. */
  private record NoInterrupt<T>(Future<T> future, AtomicBoolean cancelled) implements Future<T> {

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled.set(true);
      return future.cancel(false);
    }

    @Override
    public boolean isCancelled() {
      return future.isCancelled();
    }

    @Override
    public boolean isDone() {
      return future.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      return future.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return future.get(timeout, unit);
    }
  }
}
