package com.smsportal.sending.message;

import java.util.List;

/**
 * What came out of a pasted list of numbers: the valid ones, normalised to 11 digits, in the order
 * first seen and without repeats; the entries that are not mainland mobile numbers, as typed; and
 * how many repeats were dropped.
 */
public record ParsedNumbers(List<String> valid, List<String> invalid, int duplicatesDropped) {

  public ParsedNumbers {
    valid = List.copyOf(valid);
    invalid = List.copyOf(invalid);
  }
}
