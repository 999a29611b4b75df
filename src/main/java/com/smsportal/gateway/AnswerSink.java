package com.smsportal.gateway;

import java.nio.ByteBuffer;

/**
 * Takes an answer's bytes as they arrive, before the whole answer is in: the poller writes the
 * fetch-once answers to disk this way, so that what arrived survives the portal's death halfway
 * through a slow answer. Called on the HTTP client's thread, one call at a time, in order. A sink
 * must not throw: it deals with its own failures (the answer still arrives whole in memory).
 */
public interface AnswerSink {

  /** For a call whose answer need not be kept as it arrives. */
  AnswerSink NONE =
      new AnswerSink() {
        @Override
        public void begin(int status, String contentType) {}

        @Override
        public void write(ByteBuffer bytes) {}
      };

  /**
   * The status line and headers have arrived; the body follows.
   *
   * @param contentType the Content-Type header, or null
   */
  void begin(int status, String contentType);

  /** The next bytes of the body, as they came; read them now, the buffer is not kept. */
  void write(ByteBuffer bytes);
}
