package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What came of acting at the gateway as an account ({@link GatewayAccess#call}): the action's
 * answer; or why the account cannot be used now, and nothing went to the gateway ({@link
 * Unusable}); or the gateway's refusal or silence ({@link GatewayException}). Every caller reads
 * the three the same way, through {@link #fold}, instead of catching them one by one.
 */
public final class AccountCall<T> {

  /** The translated explanation of {@link Unusable#PASSWORD_NEEDED} for pages. */
  public static final String PASSWORD_NEEDED_KEY = "accounts.password.reenter";

  /** Why an account cannot be used now. Nothing was sent to the gateway. */
  public enum Unusable {
    /** The current tenant has no such account. */
    NOT_FOUND,
    /**
     * Its password is being rotated, or the rotation's outcome is in doubt: which password is valid
     * is not known, so nothing may use it until the rotation is resolved.
     */
    ROTATING,
    /**
     * Its stored password was encrypted for somewhere else (another row, endpoint or gateway
     * account) and is refused rather than sent there: someone must enter it again.
     */
    PASSWORD_NEEDED
  }

  private final T answer;
  private final Unusable unusable;
  private final GatewayException failure;

  private AccountCall(T answer, Unusable unusable, GatewayException failure) {
    this.answer = answer;
    this.unusable = unusable;
    this.failure = failure;
  }

  /**
   * Takes the account's login (decrypted inside this module) and, if it can be used, runs {@code
   * action} with it.
   */
  public static <T> AccountCall<T> attempt(
      Supplier<Optional<GatewayLogin>> login, Function<GatewayLogin, T> action) {
    Optional<GatewayLogin> usable;
    try {
      usable = login.get();
    } catch (RotationInProgressException rotating) {
      return new AccountCall<>(null, Unusable.ROTATING, null);
    } catch (PasswordNeededException stale) {
      return new AccountCall<>(null, Unusable.PASSWORD_NEEDED, null);
    }
    if (usable.isEmpty()) {
      return new AccountCall<>(null, Unusable.NOT_FOUND, null);
    }
    try {
      return new AccountCall<>(action.apply(usable.get()), null, null);
    } catch (GatewayException failure) {
      return new AccountCall<>(null, null, failure);
    }
  }

  /** One of the three functions, by what came of the call. */
  public <R> R fold(
      Function<? super T, ? extends R> answered,
      Function<Unusable, ? extends R> unusable,
      Function<GatewayException, ? extends R> failed) {
    if (this.unusable != null) {
      return unusable.apply(this.unusable);
    }
    if (failure != null) {
      return failed.apply(failure);
    }
    return answered.apply(answer);
  }

  @Override
  public String toString() {
    return fold(
        answer -> "answered", why -> "unusable: " + why, failed -> "failed: " + failed.error());
  }

  /** An answer (for callers' tests). */
  public static <T> AccountCall<T> answered(T answer) {
    return new AccountCall<>(answer, null, null);
  }

  /** An account that cannot be used now (for callers' tests). */
  public static <T> AccountCall<T> unusable(Unusable why) {
    return new AccountCall<>(null, Objects.requireNonNull(why), null);
  }
}
