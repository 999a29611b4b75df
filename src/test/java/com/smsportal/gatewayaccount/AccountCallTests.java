package com.smsportal.gatewayaccount;

import static com.smsportal.gatewayaccount.AccountCalls.answer;
import static com.smsportal.gatewayaccount.AccountCalls.unusable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayFailures;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.AccountCall.Unusable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every caller of the gateway as an account reads what came of it one way: the answer, why the
 * account cannot be used now (and then the gateway was never called), or the gateway's error.
 */
class AccountCallTests {

  private static final GatewayLogin LOGIN =
      new GatewayLogin("http://gateway.test", GatewayCharset.UTF8, "1", "acme", "secret-pw", 7L);

  private final AtomicInteger calls = new AtomicInteger();

  private String balance(GatewayLogin login) {
    calls.incrementAndGet();
    return "balance of " + login.account();
  }

  @Test
  void aUsableAccountIsCalledAndItsAnswerComesBack() {
    AccountCall<String> call = AccountCall.attempt(() -> Optional.of(LOGIN), this::balance);

    assertThat(answer(call)).isEqualTo("balance of acme");
    assertThat(unusable(call)).isEmpty();
    assertThat(calls).hasValue(1);
  }

  @Test
  void anAccountThatCannotBeUsedNowSaysWhyAndTheGatewayIsNeverCalled() {
    assertThat(unusable(AccountCall.attempt(Optional::empty, this::balance)))
        .contains(Unusable.NOT_FOUND);
    assertThat(
            unusable(
                AccountCall.attempt(
                    () -> {
                      throw new RotationInProgressException(7, RotationState.IN_DOUBT);
                    },
                    this::balance)))
        .contains(Unusable.ROTATING);
    assertThat(
            unusable(
                AccountCall.attempt(
                    () -> {
                      throw new PasswordNeededException(7);
                    },
                    this::balance)))
        .contains(Unusable.PASSWORD_NEEDED);
    assertThat(calls).as("calls that reached the gateway").hasValue(0);
  }

  @Test
  void theGatewaysRefusalComesBackAsItsErrorAndNeverHoldsThePassword() {
    GatewayException refused = GatewayFailures.refused(GatewayError.WRONG_CREDENTIALS, "密码错误");
    AccountCall<String> call =
        AccountCall.attempt(
            () -> Optional.of(LOGIN),
            login -> {
              throw refused;
            });

    assertThat(call.<Object>fold(a -> a, u -> u, failure -> failure)).isSameAs(refused);
    assertThat(unusable(call)).isEmpty();
    assertThat(call.toString()).contains("WRONG_CREDENTIALS").doesNotContain("secret-pw");
  }

  @Test
  void whatElseTheActionThrowsIsNotTakenForTheGateway() {
    assertThatThrownBy(
            () ->
                AccountCall.attempt(
                    () -> Optional.of(LOGIN),
                    login -> {
                      throw new IllegalStateException("the store refused");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the store refused");
  }
}
