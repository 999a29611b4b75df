package com.smsportal.web;

import java.util.StringJoiner;

/**
 * A list page's filter in words, for the audit log's detail of an export (which rows left the
 * portal): "filter: mobile 13800138000, from 2026-01-01T00:00:00Z", or what the list is called when
 * nothing is filtered ("all receipts").
 */
public final class FilterSummary {

  private final StringJoiner parts;

  /**
   * @param unfiltered the summary when no field is set
   */
  public FilterSummary(String unfiltered) {
    this.parts = new StringJoiner(", ", "filter: ", "").setEmptyValue(unfiltered);
  }

  /** Adds "label value", only when the field is set (not null). */
  public FilterSummary add(String label, Object value) {
    if (value != null) {
      parts.add(label + " " + value);
    }
    return this;
  }

  @Override
  public String toString() {
    return parts.toString();
  }
}
