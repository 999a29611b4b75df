package com.smsportal.gateway;

import com.smsportal.gateway.GatewayCalls.Action;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The portal's only way to the 聚合云 gateway: the six actions for any {@link GatewayLogin}. Each
 * returns its typed answer or throws a {@link GatewayException}; nothing else escapes. What each
 * action sends and how its answer reads is here; how a call is made (the endpoint guard, retries,
 * circuit breaking, the mapping of failures) is {@link GatewayCalls}'.
 *
 * <p>A {@link #send} is never retried (it is not idempotent): if its answer does not come back, it
 * fails with {@link GatewayError#OUTCOME_UNKNOWN}. Every request passes the {@link EndpointGuard}
 * first: an address that is not an allowed gateway endpoint gets {@link
 * GatewayError#ENDPOINT_NOT_ALLOWED}, and nothing leaves the portal.
 *
 * <p>The fetch-once queues ({@code statusApi}, {@code callApi}) are fetched as text, not read: the
 * poller stores an answer durably first and reads it afterwards ({@link #readStatusReports}, {@link
 * #readReplies}), or rebuilds what arrived whole of a cut-off one ({@link #completeStatusReports},
 * {@link #completeReplies}).
 */
public class GatewayClient {

  private final GatewayCalls calls;

  public GatewayClient(GatewaySettings settings, EndpointGuard guard) {
    this(settings, guard, Clock.systemUTC());
  }

  GatewayClient(GatewaySettings settings, EndpointGuard guard, Clock clock) {
    this.calls = new GatewayCalls(settings, guard, clock);
  }

  /** The stored accounts' circuit breakers ({@code account-<id>}), for their metrics. */
  public CircuitBreakerRegistry circuits() {
    return calls.circuits();
  }

  /** Submits one chunk. Never retried; see {@link GatewayError#mayHaveTakenEffect()}. */
  public SendResult send(GatewayLogin account, SendRequest request) {
    Form form =
        Form.of(account, account.charset().charset(), "send")
            .add("mobile", String.join(",", request.mobiles()))
            .add("content", request.content())
            .add("sendTime", ChinaTime.format(request.sendTime()))
            .add("extno", request.extno());
    return calls.call(account, Action.SEND, form, Answers::send);
  }

  /** The balance and totals ({@code overage}). */
  public Balance overage(GatewayLogin account) {
    Form form = Form.of(account, account.charset().charset(), "overage");
    return calls.call(account, Action.OVERAGE, form, Answers::overage);
  }

  /** Asks the gateway whether the content holds blocked words ({@code checkkeyword}). */
  public KeywordCheck checkKeyword(GatewayLogin account, String content) {
    Form form =
        Form.of(account, account.charset().charset(), "checkkeyword").add("content", content);
    return calls.call(account, Action.CHECKKEYWORD, form, Answers::checkKeyword);
  }

  /**
   * Changes the account's password at the gateway ({@code changespwd}). On {@link
   * GatewayError#OUTCOME_UNKNOWN} either password may now be the valid one.
   */
  public PasswordChange changePassword(GatewayLogin account, String newPassword) {
    Form form =
        Form.of(account, account.charset().charset(), "changespwd")
            .add("newpwd", newPassword)
            .add("renewpwd", newPassword);
    return calls.call(account, Action.CHANGESPWD, form, Answers::changePassword);
  }

  /**
   * Takes up to {@code statusNum} status reports and returns the answer as text, not yet read,
   * handing its bytes to {@code sink} as they arrive (what came before a transfer broke is then
   * still there, see {@link #completeStatusReports}). The gateway hands each report out once only:
   * store the answer durably first, then read it with {@link #readStatusReports}.
   *
   * @throws GatewayException if no answer came, or it was not a successful HTTP answer or too large
   *     (then {@link GatewayError#UPSTREAM_GARBAGE}, with what came in {@link
   *     GatewayException#rawAnswer()})
   */
  public String fetchStatusReports(GatewayLogin account, int statusNum, AnswerSink sink) {
    if (statusNum < 1) {
      throw new IllegalArgumentException("statusNum must be positive");
    }
    Form form =
        Form.of(account, StandardCharsets.UTF_8, "query")
            .add("statusNum", Integer.toString(statusNum));
    return JdkTransport.receivingInto(
        sink, () -> calls.call(account, Action.STATUS_REPORTS, form, null));
  }

  /**
   * Takes the waiting replies (上行), each handed out once only, as text; see {@link
   * #fetchStatusReports}.
   *
   * @param ownExt ask for the customer's own sub-number in {@code extno}, without the system's
   */
  public String fetchReplies(GatewayLogin account, boolean ownExt, AnswerSink sink) {
    Form form = Form.of(account, StandardCharsets.UTF_8, "query").add("ownExt", ownExt ? "1" : "");
    return JdkTransport.receivingInto(sink, () -> calls.call(account, Action.REPLIES, form, null));
  }

  /**
   * The status reports that arrived whole in the beginning of an answer of {@code statusApi} (as an
   * {@link AnswerSink} got it), as an answer of their own.
   *
   * @param contentType the answer's Content-Type header, or null
   */
  public static CompleteItems completeStatusReports(byte[] beginning, String contentType) {
    return AnswerParser.completeItems(
        AnswerParser.decode(beginning, contentType, StandardCharsets.UTF_8), "statusbox");
  }

  /** The replies that arrived whole in the beginning of an answer of {@code callApi}. */
  public static CompleteItems completeReplies(byte[] beginning, String contentType) {
    return AnswerParser.completeItems(
        AnswerParser.decode(beginning, contentType, StandardCharsets.UTF_8), "callbox");
  }

  /**
   * Reads an answer of {@code statusApi} that {@link #fetchStatusReports} returned.
   *
   * @throws GatewayException {@link GatewayError#UPSTREAM_GARBAGE} if it is not the gateway's XML,
   *     or the error the gateway answered with
   */
  public static StatusReportBatch readStatusReports(String answer) {
    return readText(answer, "statusbox", Answers.REPORT_FIELDS, Answers::statusReports);
  }

  /** Reads an answer of {@code callApi} that {@link #fetchReplies} returned. */
  public static ReplyBatch readReplies(String answer) {
    return readText(answer, "callbox", Answers.REPLY_FIELDS, Answers::replies);
  }

  /** Its items streamed into rows, without an element tree of them (issue 27). */
  private static <T> T readText(
      String text, String item, String[] fields, BiFunction<AnswerParser.Items, String, T> reader) {
    try {
      return reader.apply(AnswerParser.items(text, item, fields), text);
    } catch (AnswerParser.Garbage garbage) {
      throw new GatewayException(
          GatewayError.UPSTREAM_GARBAGE, null, List.of(), 200, text, garbage.getMessage(), null);
    }
  }
}
