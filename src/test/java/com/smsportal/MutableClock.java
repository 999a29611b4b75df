package com.smsportal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' one clock, to see what happens when time passes without waiting for it: a test
 * context's {@code Clock} bean (declared {@code @Primary} in a {@code @TestConfiguration}) or a
 * component's own clock, moved forward with {@link #advance}. It stands still from a given instant,
 * or {@link #running() runs} with the system clock for a context whose other parts (a simulator's
 * hang, a session) still need real time to pass. UTC, like the portal's own clock.
 *
 * <p>In a context that test classes share ({@link PortalIntegrationTest}) it runs; a class that
 * needs it to stand still {@link #stop stops} it before each test and {@link #reset resets} it
 * after, so that the classes after it find it running with the system clock again.
 */
public class MutableClock extends Clock {

  /** The clock it follows and how far ahead of it it is: one value, read at once. */
  private record Reading(Clock base, Duration ahead) {
    Instant instant() {
      return base.instant().plus(ahead);
    }
  }

  private volatile Reading reading;

  /** A clock that stands still at {@code start} until it is advanced. */
  public MutableClock(Instant start) {
    this(Clock.fixed(start, ZoneOffset.UTC));
  }

  private MutableClock(Clock base) {
    this.reading = new Reading(base, Duration.ZERO);
  }

  /** A clock that runs with the system's, ahead of it by however much it has been advanced. */
  public static MutableClock running() {
    return new MutableClock(Clock.systemUTC());
  }

  public synchronized void advance(Duration duration) {
    reading = new Reading(reading.base(), reading.ahead().plus(duration));
  }

  /** Stands still from now on, at the instant it shows now, until it is advanced or reset. */
  public synchronized void stop() {
    reading = new Reading(Clock.fixed(instant(), ZoneOffset.UTC), Duration.ZERO);
  }

  /** Runs with the system clock again, no longer ahead of it. */
  public synchronized void reset() {
    reading = new Reading(Clock.systemUTC(), Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return reading.instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
