package com.smsportal.notifications.mail;

import com.smsportal.notifications.NotificationsProperties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code smsportal.notifications.every}, runs a mail round on a thread of its own (one round
 * at a time), unless this node's worker is off: a slow or dead mail server holds that thread only,
 * never the scheduler the poller and the send worker run on.
 */
@Component
class MailScheduler implements SchedulingConfigurer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MailScheduler.class);

  private final MailWorker worker;
  private final NotificationsProperties properties;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread t = new Thread(task, "notice-mail");
            t.setDaemon(true);
            return t;
          });

  MailScheduler(MailWorker worker, NotificationsProperties properties) {
    this.worker = worker;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::tick, properties.every(), properties.every()));
  }

  private void tick() {
    if (!properties.workerEnabled() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      thread.execute(
          () -> {
            try {
              worker.round();
            } catch (RuntimeException e) {
              log.warn("A notice mail round failed", e);
            } finally {
              running.set(false);
            }
          });
    } catch (RejectedExecutionException stopping) {
      running.set(false);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
