package com.smsportal.sending.compose;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendAllowance;
import com.smsportal.sending.SendJobs;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the compose page shows before anything is sent: the summary and the accounts to choose. */
@Service
class Compose {

  /** The compose page, which POST /send shows again with what was refused. */
  static final String VIEW = "send/compose";

  private final GatewayAccounts accounts;
  private final OptOuts optOuts;
  private final SendJobs jobs;

  Compose(GatewayAccounts accounts, OptOuts optOuts, SendJobs jobs) {
    this.accounts = accounts;
    this.optOuts = optOuts;
    this.jobs = jobs;
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
