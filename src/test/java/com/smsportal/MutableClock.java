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
 */
public class MutableClock extends Clock {

  private final Clock base;
  private volatile Duration ahead = Duration.ZERO;

  /** A clock that stands still at {@code start} until it is advanced. */
  public MutableClock(Instant start) {
    this(Clock.fixed(start, ZoneOffset.UTC));
  }

  private MutableClock(Clock base) {
    this.base = base;
  }

  /** A clock that runs with the system's, ahead of it by however much it has been advanced. */
  public static MutableClock running() {
    return new MutableClock(Clock.systemUTC());
  }

  public synchronized void advance(Duration duration) {
    ahead = ahead.plus(duration);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(ahead);
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
