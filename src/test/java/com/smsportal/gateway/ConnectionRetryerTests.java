package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read-only actions retry only what provably never left, and only so often. */
class ConnectionRetryerTests {

  private final Retryer retryer = new ConnectionRetryer(2, Duration.ofMillis(1)).clone();

  @Test
  void aRequestThatNeverLeftIsRetriedUpToTheLimit() {
    RetryableException notSent = failure(new JdkTransport.NotSentException("refused", null));

    assertThatCode(() -> retryer.continueOrPropagate(notSent)).doesNotThrowAnyException();
    assertThatCode(() -> retryer.continueOrPropagate(notSent)).doesNotThrowAnyException();
    assertThatThrownBy(() -> retryer.continueOrPropagate(notSent)).isSameAs(notSent);
  }

  @Test
  void aRequestWhoseAnswerWasLostIsNeverRetried() {
    RetryableException lost = failure(new JdkTransport.AnswerLostException("timeout", null));

    assertThatThrownBy(() -> retryer.continueOrPropagate(lost)).isSameAs(lost);
  }

  private static RetryableException failure(Exception cause) {
    Request request =
        Request.create(
            Request.HttpMethod.POST,
            "http://gateway/statusApi.aspx",
            Map.of(),
            new byte[0],
            StandardCharsets.UTF_8,
            null);
    return new RetryableException(
        -1, cause.getMessage(), Request.HttpMethod.POST, cause, (Long) null, request);
  }
}
