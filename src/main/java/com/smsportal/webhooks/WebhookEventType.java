package com.smsportal.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by their names on the wire ({@code type}). */
public enum WebhookEventType {
  MESSAGE_DELIVERED("message.delivered"),
  MESSAGE_FAILED("message.failed"),
  REPLY_RECEIVED("reply.received"),
  JOB_FINISHED("job.finished"),
  BALANCE_LOW("balance.low"),
  /** Sent by the "send test event" button only; nobody subscribes to it. */
  TEST("webhook.test");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean subscribable() {
    return this != TEST;
  }

  public static Optional<WebhookEventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
