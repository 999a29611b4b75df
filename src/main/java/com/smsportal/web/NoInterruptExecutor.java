package com.smsportal.web;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * The executor of Spring MVC's asynchronous requests (every streamed download: the CSV and XLSX
 * exports) whose tasks are never interrupted. Why (issue 27): when such a request times out or its
 * client goes away, Spring MVC cancels the task with {@code Future.cancel(true)}, which interrupts
 * the thread writing the download, and that thread is usually inside a JDBC call. An interrupt
 * during a read of a {@link java.nio.channels.FileChannel} closes the channel, and the embedded
 * H2's channel is the database's only one: from then on every statement of every thread failed
 * ("Reading from file ... failed", "IO Exception") until a restart. Here a cancel only marks the
 * task cancelled; the download stops at its next write, which fails on the finished response, after
 * its database read has ended normally.
 */
final class NoInterruptExecutor implements AsyncTaskExecutor {

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
    return new NoInterrupt<>(delegate.submit(task));
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return new NoInterrupt<>(delegate.submit(task));
  }

  /** A future whose cancel never interrupts its task's thread. */
  private record NoInterrupt<T>(Future<T> future) implements Future<T> {

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
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
