package com.smsportal.gateway;

import java.util.List;

/**
 * The replies one {@code callApi} query handed out; fetch-once like {@link StatusReportBatch}, so
 * {@link #rawAnswer()} is what to store first.
 */
public record ReplyBatch(List<Reply> replies, String rawAnswer) {

  public ReplyBatch {
    replies = List.copyOf(replies);
  }
}
