package com.smsportal.sending.compose;

import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.KeywordCheck;
import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * What the gateway says of this send (issue 23): every objection (blocked words and the balance
   * together), and the balance it answered, if it did.
   *
   * @param balance the prepaid balance, or null when the account is postpaid or was not asked
   */
  public record Verdict(List<Objection> objections, Long balance) {

    public Verdict {
      objections = List.copyOf(objections);
    }
  }

  /** The first of the gateway's objections, for an edit of a scheduled job. */
  public Optional<Objection> check(long accountId, String content, long cost) {
    return verdict(accountId, content, cost).objections().stream().findFirst();
  }

  /** Every objection of the gateway to this send, and the balance it answered. */
  public Verdict verdict(long accountId, String content, long cost) {
    return gateway
        .call(accountId, account -> objections(account, content, cost))
        .fold(
            found -> found,
            unusable ->
                switch (unusable) {
                  // No such account: the order's own validation names it; likewise a rotation
                  // (ROTATION_IN_DOUBT).
                  case NOT_FOUND, ROTATING -> new Verdict(List.of(), null);
                  case PASSWORD_NEEDED ->
                      new Verdict(
                          List.of(new Objection("account", AccountCall.PASSWORD_NEEDED_KEY, null)),
                          null);
                },
            // The gateway's own explanation (unreachable, wrong credentials, a character GBK cannot
            // carry…): nothing is stored.
            failure ->
                new Verdict(
                    List.of(
                        new Objection(
                            failure.error() == GatewayError.NOT_ENCODABLE ? "content" : "account",
                            failure.error().readMessageKey(),
                            failure.messageArgument())),
                    null));
  }

  private static Verdict objections(AccountGateway account, String content, long cost) {
    List<Objection> found = new ArrayList<>();
    if (content != null && !content.isBlank()) {
      KeywordCheck words = account.checkKeyword(content);
      if (!words.clean()) {
        found.add(
            new Objection("content", "send.keywords.blocked", String.join("、", words.words())));
      }
    }
    Balance balance = account.overage();
    if (balance.prepaid() && cost > balance.overage()) {
      found.add(new Objection("mobiles", "send.error.balance", cost + " / " + balance.overage()));
    }
    return new Verdict(found, balance.prepaid() ? balance.overage() : null);
  }
}
