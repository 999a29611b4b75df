package com.smsportal.webhooks.endpoint;

import com.smsportal.webhooks.WebhookEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint form's fields ({@code url}, {@code events}, {@code active}) as typed; {@link #check}
 * gives the values to store or a message key per field.
 */
public record EndpointForm(String url, List<String> events, Boolean active) {

  /** The events every new endpoint's form preselects: all of them. */
  public static EndpointForm empty() {
    return new EndpointForm("", subscribable(), true);
  }

  public static List<String> subscribable() {
    return Arrays.stream(WebhookEventType.values())
        .filter(WebhookEventType::subscribable)
        .map(WebhookEventType::wireName)
        .toList();
  }

  public boolean subscribes(String event) {
    return events != null && events.contains(event);
  }

  public boolean isActive() {
    return active != null && active;
  }

  /** What is stored: the trimmed URL, the known events in their order, active. */
  record Checked(String url, List<String> events, boolean active) {}

  /** The checked values, or the faults by field ({@code urlProblem}: the egress guard's). */
  Map<String, String> faults(String urlProblem) {
    Map<String, String> faults = new LinkedHashMap<>();
    String typed = url == null ? "" : url.trim();
    if (typed.isEmpty()) {
      faults.put("url", "webhooks.url.required");
    } else if (typed.length() > WebhookEndpoint.MAX_URL) {
      faults.put("url", "webhooks.url.tooLong");
    } else if (urlProblem != null) {
      faults.put("url", urlProblem);
    }
    if (checkedEvents().isEmpty()) {
      faults.put("events", "webhooks.events.required");
    }
    return faults;
  }

  Checked checked() {
    return new Checked(url.trim(), checkedEvents(), isActive());
  }

  private List<String> checkedEvents() {
    List<String> known = new ArrayList<>();
    for (String event : subscribable()) {
      if (subscribes(event)) {
        known.add(event);
      }
    }
    return known;
  }
}
