package com.smsportal.webhooks.delivery;

import com.smsportal.node.IdleBackoff;
import com.smsportal.webhooks.WebhooksProperties;
import com.smsportal.webhooks.outbox.Outbox;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code smsportal.webhooks.every}, gives each endpoint with due deliveries a turn on the
 * delivery pool ({@code threads} threads, no queue: endpoints left over go next round), unless
 * webhooks are switched off portal-wide ({@code smsportal.webhooks.enabled=false}) or on this node
 * ({@code worker-enabled=false}). Nothing of the poller or the pages runs here: a slow receiver
 * holds one of these threads, nothing else.
 *
 * <p>An idle worker looks less often ({@link IdleBackoff}, issue 27): after each look that found
 * nothing due the wait doubles up to {@code idle-every}; events written on this node wake it for
 * the next tick, after their commit.
 */
@Component
class DeliveryScheduler implements SmartLifecycle, SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

  private final DeliveryWorker worker;
  private final WebhooksProperties properties;
  private final IdleBackoff pace;
  private volatile ThreadPoolExecutor pool;

  DeliveryScheduler(DeliveryWorker worker, WebhooksProperties properties) {
    this.worker = worker;
    this.properties = properties;
    this.pace = new IdleBackoff(properties.every(), properties.idleEvery());
  }

  @EventListener
  void deliveriesWritten(Outbox.DeliveriesWritten written) {
    pace.wake();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(
        new FixedDelayTask(this::round, properties.every(), properties.every()));
  }

  void round() {
    ThreadPoolExecutor running = pool;
    if (running == null || !properties.enabled() || !properties.workerEnabled() || !pace.due()) {
      return;
    }
    try {
      List<Long> due = worker.due();
      if (due.isEmpty() && running.getActiveCount() == 0) {
        pace.ranIdle();
      } else {
        pace.ranBusy();
      }
      for (long endpoint : due) {
        if (running.getActiveCount() >= running.getMaximumPoolSize()) {
          return;
        }
        running.execute(() -> worker.turn(endpoint));
      }
    } catch (RejectedExecutionException busy) {
      // Every thread busy: the endpoints left over go next round.
    } catch (RuntimeException e) {
      pace.ranBusy();
      log.warn("Looking for due webhook deliveries failed", e);
    }
  }

  @Override
  public void start() {
    AtomicInteger n = new AtomicInteger();
    int threads = Math.max(1, properties.threads());
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "webhook-delivery-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void stop() {
    ThreadPoolExecutor running = pool;
    pool = null;
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return pool != null;
  }
}
