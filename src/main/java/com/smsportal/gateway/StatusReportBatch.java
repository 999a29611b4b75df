package com.smsportal.gateway;

import java.util.List;

/**
 * The reports one {@code statusApi} query handed out. The gateway forgets them once answered, so
 * {@link #rawAnswer()} is what to store durably before anything else.
 */
public record StatusReportBatch(List<StatusReport> reports, String rawAnswer) {

  public StatusReportBatch {
    reports = List.copyOf(reports);
  }
}
