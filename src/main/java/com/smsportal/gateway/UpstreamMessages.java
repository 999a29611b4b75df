package com.smsportal.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the gateway's message texts and {@code errorstatus} codes mean. */
final class UpstreamMessages {

  static final String BLOCKED_PREFIX = "包含非法字符";
  static final String NO_BLOCKED_WORDS = "没有包含屏蔽词";

  private UpstreamMessages() {}

  /** The error a failure message stands for; unknown texts are {@code OTHER_UPSTREAM_ERROR}. */
  static GatewayError errorFor(String message) {
    if (message == null || message.isBlank()) {
      return GatewayError.OTHER_UPSTREAM_ERROR;
    }
    String text = message.strip();
    if (text.contains("用户名或密码不能为空")) {
      return GatewayError.EMPTY_CREDENTIALS;
    }
    if (text.contains("用户名或密码错误")) {
      return GatewayError.WRONG_CREDENTIALS;
    }
    if (text.toLowerCase(Locale.ROOT).contains("sql")) {
      return GatewayError.SQL_INJECTION_REFUSED;
    }
    if (text.contains("号码不能为空")) {
      return GatewayError.NO_NUMBERS;
    }
    if (text.contains("内容不能为空")) {
      return GatewayError.EMPTY_CONTENT;
    }
    if (text.startsWith(BLOCKED_PREFIX)) {
      return GatewayError.BLOCKED_WORDS;
    }
    if (text.contains("余额")) {
      return GatewayError.BALANCE_TOO_LOW;
    }
    return GatewayError.OTHER_UPSTREAM_ERROR;
  }

  /** The error of an {@code errorstatus} code of the report and reply endpoints. */
  static GatewayError errorForCode(String code) {
    return switch (code == null ? "" : code.strip()) {
      case "1" -> GatewayError.EMPTY_CREDENTIALS;
      case "2" -> GatewayError.WRONG_CREDENTIALS;
      case "3" -> GatewayError.REPORTS_NOT_ALLOWED;
      case "4" -> GatewayError.BAD_PARAMETERS;
      default -> GatewayError.OTHER_UPSTREAM_ERROR;
    };
  }

  /** The words after {@code 包含非法字符}, separated by commas (either width), 、 or spaces. */
  static List<String> blockedWords(String message) {
    if (message == null) {
      return List.of();
    }
    String text = message.strip();
    int start = text.indexOf(BLOCKED_PREFIX);
    if (start < 0) {
      return List.of();
    }
    String rest = text.substring(start + BLOCKED_PREFIX.length()).replaceFirst("^[\\s:：]+", "");
    return Arrays.stream(rest.split("[,，、;；|\\s]+")).filter(w -> !w.isEmpty()).toList();
  }

  /** {@code Success} and the overage's {@code Sucess}, in any case; anything else fails. */
  static boolean isSuccess(String returnStatus) {
    if (returnStatus == null) {
      return false;
    }
    String status = returnStatus.strip();
    return status.equalsIgnoreCase("success") || status.equalsIgnoreCase("sucess");
  }
}
