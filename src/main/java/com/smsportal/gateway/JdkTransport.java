package com.smsportal.gateway;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feign's HTTP transport on the JDK's {@link HttpClient}, chosen for two things a send needs: it
 * tells a failure before the request left ({@link NotSentException}) from one after it ({@link
 * AnswerLostException}), and it never silently repeats a POST on a stale keep-alive connection. The
 * read timeout covers the whole answer, body included, and the body is cut at a maximum size.
 * Within {@link #receivingInto}, the body's bytes also go to an {@link AnswerSink} as they arrive.
 */
final class JdkTransport implements Client {

  private static final Set<String> RESTRICTED =
      Set.of("content-length", "host", "connection", "expect", "upgrade");

  // The sink of the calls the current thread makes, set around them by receivingInto: Feign's
  // request has no place for it. Read once per request, on the calling thread.
  private static final ThreadLocal<AnswerSink> SINK = new ThreadLocal<>();

  private final HttpClient http;
  private final Duration readTimeout;
  private final int maxAnswerSize;

  JdkTransport(Duration connectTimeout, Duration readTimeout, int maxAnswerSize) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = readTimeout;
    this.maxAnswerSize = maxAnswerSize;
  }

  /** Runs {@code call}, handing the bodies of the answers it receives to {@code sink} too. */
  static <T> T receivingInto(AnswerSink sink, java.util.function.Supplier<T> call) {
    AnswerSink before = SINK.get();
    SINK.set(sink);
    try {
      return call.get();
    } finally {
      if (before == null) {
        SINK.remove();
      } else {
        SINK.set(before);
      }
    }
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(readTimeout)
            .method(
                request.httpMethod().name(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    AnswerSink sink = SINK.get() == null ? AnswerSink.NONE : SINK.get();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(
            builder.build(),
            info -> {
              sink.begin(info.statusCode(), info.headers().firstValue("content-type").orElse(null));
              return new LimitedBody(maxAnswerSize + 1, sink);
            });
    HttpResponse<byte[]> answer;
    try {
      // The request timeout stops at the headers; this deadline also covers a stalled body.
      answer =
          exchange.get(
              http.connectTimeout().orElse(Duration.ZERO).plus(readTimeout).toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new AnswerLostException("no complete answer within " + readTimeout, e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new AnswerLostException("interrupted while waiting for the answer", e);
    } catch (ExecutionException e) {
      throw classify(e.getCause());
    }
    return Response.builder()
        .status(answer.statusCode())
        .reason("")
        .headers(new java.util.TreeMap<>(answer.headers().map()))
        .request(request)
        .body(answer.body())
        .build();
  }

  private static IOException classify(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException
        || failure instanceof ConnectException
        || failure instanceof UnresolvedAddressException
        || failure != null && failure.getCause() instanceof UnresolvedAddressException) {
      return new NotSentException(String.valueOf(failure), failure);
    }
    return new AnswerLostException(String.valueOf(failure), failure);
  }

  /** The request never left: nothing happened at the gateway, a retry is safe. */
  static final class NotSentException extends IOException {
    NotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The request left but its answer did not come back complete: the outcome is unknown. */
  static final class AnswerLostException extends IOException {
    AnswerLostException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Collects the body up to a limit, then stops reading; hands each piece to the sink first. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final AnswerSink sink;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int limit, AnswerSink sink) {
      this.limit = limit;
      this.sink = sink;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        int take = Math.min(buffer.remaining(), limit - out.size());
        sink.write(buffer.slice(buffer.position(), take).asReadOnlyBuffer());
        byte[] chunk = new byte[take];
        buffer.get(chunk);
        out.write(chunk, 0, take);
      }
      if (out.size() >= limit) {
        subscription.cancel();
        result.complete(out.toByteArray());
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
