package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.GatewayCharset;
import java.util.Locale;

/**
 * What an endpoint is set to, as the entity takes it (from the administrator's form, or from the
 * system's set-up): its name without surrounding spaces, its address in one spelling, no blank
 * note.
 */
record EndpointSettings(
    String name, String baseUrl, GatewayCharset defaultCharset, String note, Integer maxChunkSize) {

  EndpointSettings {
    name = name.strip();
    baseUrl = normalized(baseUrl);
    note = note == null || note.isBlank() ? null : note.strip();
  }

  /**
   * One spelling per address, so that the same endpoint is found whatever was typed: no spaces, no
   * trailing slash, scheme and host in small letters (the path keeps its case).
   */
  static String normalized(String baseUrl) {
    String url = baseUrl.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return url;
    }
    int pathStart = url.indexOf('/', schemeEnd + 3);
    String authority = pathStart < 0 ? url : url.substring(0, pathStart);
    String path = pathStart < 0 ? "" : url.substring(pathStart);
    return authority.toLowerCase(Locale.ROOT) + path;
  }
}
