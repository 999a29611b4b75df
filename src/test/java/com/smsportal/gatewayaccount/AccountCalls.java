package com.smsportal.gatewayaccount;

import com.smsportal.gatewayaccount.AccountCall.Unusable;
import java.util.Optional;

/** Reading an {@link AccountCall} in tests. */
public final class AccountCalls {

  private AccountCalls() {}

  /** The answer; fails the test if the account could not be used or the gateway refused. */
  public static <T> T answer(AccountCall<T> call) {
    return call.fold(
        answer -> answer,
        unusable -> {
          throw new AssertionError("the account could not be used: " + unusable);
        },
        failure -> {
          throw failure;
        });
  }

  /** Why the account could not be used; empty if the call was made. */
  public static Optional<Unusable> unusable(AccountCall<?> call) {
    return call.fold(answer -> Optional.empty(), Optional::of, failure -> Optional.empty());
  }
}
