package com.smsportal.gateway;

/**
 * An answer as it came over the wire, not yet read.
 *
 * @param body at most the configured maximum plus one byte
 * @param contentType the Content-Type header, or null
 */
record RawAnswer(int status, byte[] body, String contentType) {

  boolean ok() {
    return status >= 200 && status < 300;
  }
}
