package com.smsportal.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit per gateway account: after a run of failures (unreachable, lost or unreadable
 * answers) calls are refused for a while without touching the network, then one trial call decides
 * whether it closes again. Errors the gateway reports in a readable answer are successes here: the
 * gateway is alive.
 */
final class CircuitBreaker {

  private final int failuresToOpen;
  private final Duration openFor;
  private final Clock clock;
  private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

  CircuitBreaker(int failuresToOpen, Duration openFor, Clock clock) {
    this.failuresToOpen = failuresToOpen;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Whether a call for this account may go out now. */
  boolean allows(String key) {
    return circuits.computeIfAbsent(key, k -> new Circuit()).allows(clock.instant());
  }

  void succeeded(String key) {
    circuits.computeIfAbsent(key, k -> new Circuit()).succeeded();
  }

  void failed(String key) {
    circuits.computeIfAbsent(key, k -> new Circuit()).failed(clock.instant());
  }

  private final class Circuit {
    private int failures;
    private Instant openUntil;
    private boolean trialOut;

    synchronized boolean allows(Instant now) {
      if (openUntil == null) {
        return true;
      }
      if (now.isBefore(openUntil) || trialOut) {
        return false;
      }
      trialOut = true;
      return true;
    }

    synchronized void succeeded() {
      failures = 0;
      openUntil = null;
      trialOut = false;
    }

    synchronized void failed(Instant now) {
      failures++;
      if (trialOut || failures >= failuresToOpen) {
        openUntil = now.plus(openFor);
        trialOut = false;
      }
    }
  }
}
