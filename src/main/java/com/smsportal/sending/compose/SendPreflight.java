package com.smsportal.sending.compose;

import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.KeywordCheck;
import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the gateway is asked right before a job is stored: whether the content holds blocked words
 * ({@code checkkeyword}), and whether a prepaid balance covers the estimated cost ({@code
 * overage}). Only reads; a refusal here stores and sends nothing.
 */
@Service
public class SendPreflight {

  private final GatewayAccess gateway;

  SendPreflight(GatewayAccess gateway) {
    this.gateway = gateway;
  }

  /** Why the gateway says this cannot go: a message key, its argument, the field it concerns. */
  public record Objection(String field, String messageKey, String argument) {}

  public Optional<Objection> check(long accountId, String content, long cost) {
    return gateway
        .call(accountId, account -> objection(account, content, cost))
        .fold(
            found -> found,
            unusable ->
                switch (unusable) {
                  // No such account: the order's own validation names it; likewise a rotation
                  // (ROTATION_IN_DOUBT).
                  case NOT_FOUND, ROTATING -> Optional.empty();
                  case PASSWORD_NEEDED ->
                      Optional.of(new Objection("account", AccountCall.PASSWORD_NEEDED_KEY, null));
                },
            // The gateway's own explanation (unreachable, wrong credentials, a character GBK cannot
            // carry…): nothing is stored.
            failure ->
                Optional.of(
                    new Objection(
                        failure.error() == GatewayError.NOT_ENCODABLE ? "content" : "account",
                        failure.error().readMessageKey(),
                        failure.messageArgument())));
  }

  private static Optional<Objection> objection(AccountGateway account, String content, long cost) {
    if (content != null && !content.isBlank()) {
      KeywordCheck words = account.checkKeyword(content);
      if (!words.clean()) {
        return Optional.of(
            new Objection("content", "send.keywords.blocked", String.join("、", words.words())));
      }
    }
    Balance balance = account.overage();
    if (balance.prepaid() && cost > balance.overage()) {
      return Optional.of(
          new Objection("mobiles", "send.error.balance", cost + " / " + balance.overage()));
    }
    return Optional.empty();
  }
}
