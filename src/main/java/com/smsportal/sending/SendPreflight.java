package com.smsportal.sending;

import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayAccount;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.KeywordCheck;
import com.smsportal.tenant.GatewayAccounts;
import com.smsportal.tenant.RotationInProgressException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the gateway is asked right before a job is stored: whether the content holds blocked words
 * ({@code checkkeyword}), and whether a prepaid balance covers the estimated cost ({@code
 * overage}). Only reads; a refusal here stores and sends nothing.
 */
@Service
class SendPreflight {

  private final GatewayAccounts accounts;
  private final GatewayClient gateway;

  SendPreflight(GatewayAccounts accounts, GatewayClient gateway) {
    this.accounts = accounts;
    this.gateway = gateway;
  }

  /** Why the gateway says this cannot go: a message key, its argument, the field it concerns. */
  record Objection(String field, String messageKey, String argument) {}

  Optional<Objection> check(long accountId, String content, long cost) {
    GatewayAccount account;
    try {
      Optional<GatewayAccount> found =
          accounts.credentials(accountId).map(c -> c.toGatewayAccount());
      if (found.isEmpty()) {
        return Optional.empty(); // the order's own validation names a missing account
      }
      account = found.get();
    } catch (RotationInProgressException rotating) {
      return Optional.empty(); // likewise: ROTATION_IN_DOUBT
    }
    try {
      if (content != null && !content.isBlank()) {
        KeywordCheck words = gateway.checkKeyword(account, content);
        if (!words.clean()) {
          return Optional.of(
              new Objection("content", "send.keywords.blocked", String.join("、", words.words())));
        }
      }
      Balance balance = gateway.overage(account);
      if (balance.prepaid() && cost > balance.overage()) {
        return Optional.of(
            new Objection("mobiles", "send.error.balance", cost + " / " + balance.overage()));
      }
      return Optional.empty();
    } catch (GatewayException failure) {
      // The gateway's own explanation (unreachable, wrong credentials, a character GBK cannot
      // carry…): nothing is stored.
      Object[] arguments = failure.messageArguments();
      return Optional.of(
          new Objection(
              failure.error() == GatewayError.NOT_ENCODABLE ? "content" : "account",
              failure.error().messageKey(),
              arguments.length == 0 ? null : arguments[0].toString()));
    }
  }
}
