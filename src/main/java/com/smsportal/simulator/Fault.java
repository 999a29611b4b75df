package com.smsportal.simulator;

import java.time.Duration;

/**
 * A misbehaviour switched on for one account at run time.
 *
 * @param latency waited before answering ({@link Mode#LATENCY})
 * @param times how many requests it affects; 0 for all until cleared
 */
record Fault(Mode mode, Duration latency, Duration hangFor, int times) {

  static final Fault NONE = new Fault(Mode.NONE, Duration.ZERO, Duration.ZERO, 0);

  enum Mode {
    NONE,
    /** Answer normally, after the latency. */
    LATENCY,
    /** Answer HTTP 500 with an ASP.NET-like HTML error page; nothing changes. */
    HTTP_500,
    /** Answer HTTP 200 with a body that is not the gateway's XML; nothing changes. */
    GARBAGE,
    /** Wait {@code hangFor} before doing anything, then answer 503; nothing changes. */
    HANG,
    /** Do the work (a send is sent, a password changed), then wait {@code hangFor} to answer. */
    LOST_ANSWER,
    /**
     * Do the work (reports and replies are handed out, and forgotten), send the first half of the
     * answer's bytes, then break the connection: a transfer cut off on its way.
     */
    CUT_ANSWER
  }
}
