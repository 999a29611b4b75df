package com.smsportal.gateway;

import feign.RetryableException;
import feign.Retryer;
import java.time.Duration;

/**
 * Retries a read-only action only when its request provably never left (connection refused, DNS,
 * connect timeout), with a doubling backoff. Never used for a send, which is not idempotent.
 */
final class ConnectionRetryer implements Retryer {

  private final int retries;
  private final Duration backoff;
  private int attempt;

  ConnectionRetryer(int retries, Duration backoff) {
    this.retries = retries;
    this.backoff = backoff;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    if (!(e.getCause() instanceof JdkTransport.NotSentException) || attempt >= retries) {
      throw e;
    }
    long wait = backoff.toMillis() << Math.min(attempt, 10);
    attempt++;
    try {
      Thread.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  @Override
  public Retryer clone() {
    return new ConnectionRetryer(retries, backoff);
  }
}
