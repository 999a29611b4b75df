package com.smsportal.sending.compose;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendAllowance;
import com.smsportal.sending.SendJobs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** What the compose page shows before anything is sent: the summary and the accounts to choose. */
@Service
class Compose {

  /** The compose page, which POST /send shows again with what was refused. */
  static final String VIEW = "send/compose";

  /** Keyword answers kept for the live check: typing the same text again asks nobody. */
  private static final int KEPT_ANSWERS = 500;

  private final GatewayAccounts accounts;
  private final OptOuts optOuts;
  private final SendJobs jobs;
  private final GatewayAccess gateway;
  private final Map<String, String> blocked = new ConcurrentHashMap<>();

  Compose(GatewayAccounts accounts, OptOuts optOuts, SendJobs jobs, GatewayAccess gateway) {
    this.accounts = accounts;
    this.optOuts = optOuts;
    this.jobs = jobs;
    this.gateway = gateway;
  }

  /**
   * The blocked words the gateway finds in this text for the live check (issue 23), joined; empty
   * when none or when the gateway cannot say now (the confirmation asks again). Each text is asked
   * once per account: the check runs when typing pauses, not at every key.
   */
  String blockedWords(Long accountId, String content) {
    if (accountId == null || content == null || content.isBlank()) {
      return "";
    }
    String key = accountId + "\n" + content;
    String known = blocked.get(key);
    if (known != null) {
      return known;
    }
    String words =
        gateway
            .call(accountId, account -> account.checkKeyword(content))
            .fold(
                check -> check.clean() ? "" : String.join("、", check.words()),
                unusable -> null,
                failure -> null);
    if (words != null) {
      if (blocked.size() >= KEPT_ANSWERS) {
        blocked.clear();
      }
      blocked.put(key, words);
    }
    return words == null ? "" : words;
  }

  /** What the tenant may still submit, shown above the numbers; null for staff. */
  SendAllowance allowance() {
    return jobs.allowance().orElse(null);
  }

  /**
   * The live summary of these numbers and content: which valid numbers are on the tenant's opt-out
   * list, and which characters the chosen account's charset cannot carry.
   */
  ComposeAnalysis analyse(Long accountId, String mobiles, String content) {
    GatewayCharset charset =
        accountId == null
            ? null
            : accounts.find(accountId).map(GatewayAccountView::charset).orElse(null);
    return ComposeAnalysis.of(mobiles, content, optOuts::optedOut, charset);
  }

  /**
   * The accounts a customer may send with now: active, verified by the gateway, and not waiting for
   * a rotation.
   */
  List<GatewayAccountView> accounts() {
    return accounts.list().stream()
        .filter(GatewayAccountView::usable)
        .filter(a -> !a.waitsForRotation())
        .toList();
  }
}
