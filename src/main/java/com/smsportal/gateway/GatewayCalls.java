package com.smsportal.gateway;

import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one call to the gateway is made, whatever the action: the {@link EndpointGuard} first, then
 * the form's charset, the account's circuit breaker, the HTTP exchange (through one Feign client
 * per endpoint address) and the reading of its answer, with every failure mapped to a {@link
 * GatewayException}. {@link GatewayClient} says what each action sends and how its answer reads.
 *
 * <p>A send is never retried (it is not idempotent): if its answer does not come back, it fails
 * with {@link GatewayError#OUTCOME_UNKNOWN}. The other actions are retried when the connection
 * could not be made. Each account has its own circuit breaker (Resilience4j, named {@code
 * account-<id>} by the portal's id of the account, never by its login): after {@code
 * breakerFailures} failures in a row (unreachable, lost or unreadable answers) its calls are
 * refused for {@code breakerOpenFor} without touching the network, then one trial call decides
 * whether it closes again. Errors the gateway reports in a readable answer count as successes: the
 * gateway is alive.
 */
class GatewayCalls {

  private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);
  private static final int SNIPPET = 200;

  private final GatewaySettings settings;
  private final EndpointGuard guard;
  // Stored accounts' breakers, named account-<id> and measured; accounts not stored yet (a
  // connection test) have theirs apart, by address and login, and without metrics.
  private final CircuitBreakerRegistry circuits;
  private final CircuitBreakerRegistry unstoredCircuits;
  private final JdkTransport transport;
  private final FeignCodec codec;
  // One Feign client per endpoint address, built from configuration alone: no data, the same on
  // every node of a cluster, so nothing to share or invalidate.
  private final Map<String, GatewayApi> sendApis = new ConcurrentHashMap<>();
  private final Map<String, GatewayApi> readApis = new ConcurrentHashMap<>();

  GatewayCalls(GatewaySettings settings, EndpointGuard guard, Clock clock) {
    this.settings = settings;
    this.guard = guard;
    CircuitBreakerConfig breaker =
        CircuitBreakerConfig.custom()
            // The last n calls all failed: n failures in a row.
            .slidingWindow(
                settings.breakerFailures(),
                settings.breakerFailures(),
                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100)
            .waitDurationInOpenState(settings.breakerOpenFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .writableStackTraceEnabled(false)
            .clock(clock)
            .build();
    this.circuits = CircuitBreakerRegistry.of(breaker);
    this.unstoredCircuits = CircuitBreakerRegistry.of(breaker);
    this.transport =
        new JdkTransport(
            settings.connectTimeout(), settings.readTimeout(), settings.maxAnswerSize());
    this.codec = new FeignCodec(settings.maxAnswerSize());
  }

  /** The stored accounts' circuit breakers ({@code account-<id>}). */
  CircuitBreakerRegistry circuits() {
    return circuits;
  }

  enum Action {
    SEND,
    OVERAGE,
    CHECKKEYWORD,
    CHANGESPWD,
    STATUS_REPORTS,
    REPLIES
  }

  /**
   * Makes the call and reads its answer with {@code reader}; without a reader, the text of a
   * successful answer is the result, unread.
   */
  <T> T call(
      GatewayLogin account,
      Action action,
      Form form,
      BiFunction<AnswerParser.Node, String, T> reader) {
    if (!permitted(account)) {
      log.warn("Gateway {} for {} refused: not an allowed gateway endpoint", action, account);
      throw GatewayException.unanswered(
          GatewayError.ENDPOINT_NOT_ALLOWED, "not an allowed gateway endpoint", null);
    }
    List<String> unencodable = form.unencodable();
    if (!unencodable.isEmpty()) {
      throw new GatewayException(
          GatewayError.NOT_ENCODABLE,
          null,
          unencodable,
          null,
          null,
          "not representable in " + form.charset().name(),
          null);
    }
    CircuitBreaker circuit =
        account.metricName() != null
            ? circuits.circuitBreaker(account.metricName())
            : unstoredCircuits.circuitBreaker(account.key());
    if (!circuit.tryAcquirePermission()) {
      throw GatewayException.unanswered(
          GatewayError.UPSTREAM_UNREACHABLE,
          "circuit open for " + account.baseUrl() + " account " + account.account(),
          null);
    }
    long started = System.nanoTime();
    RawAnswer answer;
    try {
      answer = exchange(account, action, form);
    } catch (GatewayException e) {
      circuit.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
      throw e;
    } catch (RuntimeException | Error e) {
      circuit.releasePermission(); // nothing learnt about the gateway
      throw e;
    }
    long nanos = System.nanoTime() - started;
    if (log.isDebugEnabled()) {
      log.debug(
          "Gateway {} for {} answered HTTP {} in {} ms; form {}",
          action,
          account,
          answer.status(),
          TimeUnit.NANOSECONDS.toMillis(nanos),
          abbreviate(form.masked()));
    }
    try {
      T result = read(action, answer, account.charset(), settings.maxAnswerSize(), reader);
      circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
      return result;
    } catch (GatewayException e) {
      if (e.error() == GatewayError.UPSTREAM_GARBAGE) {
        circuit.onError(nanos, TimeUnit.NANOSECONDS, e);
        String text = e.rawAnswer() == null ? "" : e.rawAnswer();
        log.warn(
            "Gateway {} for {} answered garbage, HTTP {}: {}",
            action,
            account,
            answer.status(),
            mask(text.substring(0, Math.min(text.length(), SNIPPET)), account));
      } else {
        // A readable refusal: the gateway is alive.
        circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      circuit.releasePermission();
      throw e;
    }
  }

  /**
   * Reads an answer of this action into its result, or throws the domain error it stands for; any
   * answer that is not the gateway's XML becomes {@link GatewayError#UPSTREAM_GARBAGE}. Without a
   * {@code reader} the text of a successful answer is the result, unread.
   */
  static <T> T read(
      Action action,
      RawAnswer answer,
      GatewayCharset accountCharset,
      int maxAnswerSize,
      BiFunction<AnswerParser.Node, String, T> reader) {
    Charset fallback =
        action == Action.STATUS_REPORTS || action == Action.REPLIES
            ? StandardCharsets.UTF_8
            : accountCharset.charset();
    String text = AnswerParser.decode(answer.body(), answer.contentType(), fallback);
    String refusal;
    if (!answer.ok()) {
      refusal = "HTTP status " + answer.status();
    } else if (answer.body().length > maxAnswerSize) {
      refusal = "larger than " + maxAnswerSize + " bytes";
      text = text.substring(0, Math.min(text.length(), SNIPPET));
    } else {
      if (reader == null) {
        // Fetched to be stored before it is read (the fetch-once queues).
        @SuppressWarnings("unchecked")
        T unread = (T) text;
        return unread;
      }
      try {
        return reader.apply(AnswerParser.parse(text), text);
      } catch (AnswerParser.Garbage garbage) {
        refusal = garbage.getMessage();
      }
    }
    throw new GatewayException(
        GatewayError.UPSTREAM_GARBAGE, null, List.of(), answer.status(), text, refusal, null);
  }

  private RawAnswer exchange(GatewayLogin account, Action action, Form form) {
    try {
      return switch (action) {
        case SEND -> accountEndpoint(api(sendApis, account, Retryer.NEVER_RETRY), account, form);
        case OVERAGE, CHECKKEYWORD, CHANGESPWD ->
            accountEndpoint(api(readApis, account, readRetryer()), account, form);
        case STATUS_REPORTS -> api(readApis, account, readRetryer()).statusApi(form);
        case REPLIES -> api(readApis, account, readRetryer()).callApi(form);
      };
    } catch (FeignCodec.NonSuccessAnswer nonSuccess) {
      return nonSuccess.answer();
    } catch (RetryableException e) {
      if (e.getCause() instanceof JdkTransport.NotSentException notSent) {
        log.warn("Gateway {} for {} unreachable: {}", action, account, notSent.getMessage());
        throw GatewayException.unanswered(GatewayError.UPSTREAM_UNREACHABLE, "not sent", notSent);
      }
      log.warn(
          "Gateway {} for {} sent, but no answer came: outcome unknown ({})",
          action,
          account,
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      throw GatewayException.unanswered(GatewayError.OUTCOME_UNKNOWN, "no answer", e.getCause());
    } catch (FeignException e) {
      throw GatewayException.unanswered(GatewayError.OUTCOME_UNKNOWN, "no usable answer", e);
    }
  }

  private static RawAnswer accountEndpoint(GatewayApi api, GatewayLogin account, Form form) {
    return account.charset() == GatewayCharset.GBK ? api.smsGbk(form) : api.sms(form);
  }

  private Retryer readRetryer() {
    return new ConnectionRetryer(settings.readRetries(), settings.retryBackoff());
  }

  private GatewayApi api(Map<String, GatewayApi> cache, GatewayLogin account, Retryer retryer) {
    return cache.computeIfAbsent(
        account.baseUrl(),
        baseUrl ->
            Feign.builder()
                .client(transport)
                .encoder(codec)
                .decoder(codec)
                .errorDecoder(codec)
                .retryer(retryer)
                .options(
                    new Request.Options(
                        settings.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        false))
                .target(GatewayApi.class, baseUrl));
  }

  private boolean permitted(GatewayLogin account) {
    try {
      return guard.permits(account.baseUrl());
    } catch (RuntimeException e) {
      // A guard that cannot tell (its database is away) lets nothing through.
      log.warn("Checking the gateway endpoint of {} failed: refused", account, e);
      return false;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000) + "...";
  }

  /** Hides the password (plain or percent-encoded) in text an answer might echo it in. */
  private static String mask(String text, GatewayLogin account) {
    String password = account.password();
    if (password.isEmpty()) {
      return text;
    }
    return text.replace(password, "****")
        .replace(URLEncoder.encode(password, account.charset().charset()), "****");
  }
}
