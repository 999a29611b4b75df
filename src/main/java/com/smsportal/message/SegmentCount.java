package com.smsportal.message;

/**
 * How a message travels: its encoding, its length in that encoding's units (GSM-7 septets or UTF-16
 * code units), and the number of SMS segments it is split into and charged for.
 */
public record SegmentCount(Encoding encoding, int units, int segments, int perSegment) {

  public enum Encoding {
    GSM_7,
    UCS_2
  }
}
