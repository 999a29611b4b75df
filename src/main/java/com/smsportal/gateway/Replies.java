package com.smsportal.gateway;

import java.util.List;

/**
 * The replies one {@code callApi} query handed out; fetch-once like {@link StatusReports}, so
 * {@link #rawAnswer()} is what to store first.
 */
public record Replies(List<Reply> replies, String rawAnswer) {

  public Replies {
    replies = List.copyOf(replies);
  }
}
