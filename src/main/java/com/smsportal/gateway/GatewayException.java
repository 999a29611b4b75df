package com.smsportal.gateway;

import java.util.List;

/**
 * A call to the gateway that did not succeed. Carries the upstream's own message text where there
 * was one, so the page can show it next to the translated explanation of {@link #error()}. Its
 * message never holds a password.
 */
public class GatewayException extends RuntimeException {

  private final GatewayError error;
  private final String upstreamMessage;
  private final List<String> words;
  private final Integer httpStatus;
  private final String rawAnswer;

  GatewayException(
      GatewayError error,
      String upstreamMessage,
      List<String> words,
      Integer httpStatus,
      String rawAnswer,
      String detail,
      Throwable cause) {
    super(describe(error, upstreamMessage, words, httpStatus, detail), cause);
    this.error = error;
    this.upstreamMessage = upstreamMessage;
    this.words = words == null ? List.of() : List.copyOf(words);
    this.httpStatus = httpStatus;
    this.rawAnswer = rawAnswer;
  }

  static GatewayException of(GatewayError error, String upstreamMessage, String rawAnswer) {
    return new GatewayException(error, upstreamMessage, List.of(), null, rawAnswer, null, null);
  }

  /** A call that got no answer to read: refused before it left, not sent, or its answer lost. */
  static GatewayException unanswered(GatewayError error, String detail, Throwable cause) {
    return new GatewayException(error, null, List.of(), null, null, detail, cause);
  }

  public GatewayError error() {
    return error;
  }

  /** The gateway's own message ({@code message} or {@code remark}), or null if there was none. */
  public String upstreamMessage() {
    return upstreamMessage;
  }

  /**
   * The words concerned: the blocked words for {@link GatewayError#BLOCKED_WORDS}, the characters
   * that cannot be encoded for {@link GatewayError#NOT_ENCODABLE}; empty otherwise.
   */
  public List<String> words() {
    return words;
  }

  /**
   * The arguments of the translated explanation under {@code error().messageKey()}: the characters
   * for {@link GatewayError#NOT_ENCODABLE}, the HTTP status for {@link
   * GatewayError#UPSTREAM_GARBAGE}.
   */
  public Object[] messageArguments() {
    return switch (error) {
      case NOT_ENCODABLE, BLOCKED_WORDS -> new Object[] {String.join(" ", words)};
      case UPSTREAM_GARBAGE -> new Object[] {httpStatus == null ? "-" : httpStatus.toString()};
      default -> new Object[0];
    };
  }

  /** The one argument of the translated explanation as text (pages carry one), or null. */
  public String messageArgument() {
    Object[] arguments = messageArguments();
    return arguments.length == 0 ? null : arguments[0].toString();
  }

  /** The HTTP status of the answer, or null if no answer came. */
  public Integer httpStatus() {
    return httpStatus;
  }

  /** The answer as received (decoded, possibly cut short), or null if none came. */
  public String rawAnswer() {
    return rawAnswer;
  }

  private static String describe(
      GatewayError error, String upstreamMessage, List<String> words, Integer status, String d) {
    StringBuilder text = new StringBuilder(error.name());
    if (status != null) {
      text.append(" (HTTP ").append(status).append(')');
    }
    if (upstreamMessage != null && !upstreamMessage.isEmpty()) {
      text.append(": ").append(upstreamMessage);
    }
    if (words != null && !words.isEmpty()) {
      text.append(' ').append(words);
    }
    if (d != null) {
      text.append(" - ").append(d);
    }
    return text.toString();
  }
}
