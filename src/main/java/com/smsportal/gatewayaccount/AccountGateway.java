package com.smsportal.gatewayaccount;

import com.smsportal.gateway.AnswerSink;
import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gateway.KeywordCheck;
import com.smsportal.gateway.SendRequest;
import com.smsportal.gateway.SendResult;

/**
 * The gateway as one account, for the length of a {@link GatewayAccess#call}: the actions other
 * modules need, with the account's credentials kept inside. It stops working when the call returns,
 * so it cannot be kept and used later.
 */
public final class AccountGateway {

  private final long accountId;
  private final GatewayClient client;
  private GatewayLogin account;

  AccountGateway(long accountId, GatewayClient client, GatewayLogin account) {
    this.accountId = accountId;
    this.client = client;
    this.account = account;
  }

  public long accountId() {
    return accountId;
  }

  public GatewayCharset charset() {
    return open().charset();
  }

  /** See {@link GatewayClient#send}: never retried. */
  public SendResult send(SendRequest request) {
    return client.send(open(), request);
  }

  public Balance overage() {
    return client.overage(open());
  }

  public KeywordCheck checkKeyword(String content) {
    return client.checkKeyword(open(), content);
  }

  /**
   * See {@link GatewayClient#fetchStatusReports(GatewayLogin, int, AnswerSink)}: store the answer
   * before reading it; the sink gets its bytes as they arrive.
   */
  public String fetchStatusReports(int statusNum, AnswerSink sink) {
    return client.fetchStatusReports(open(), statusNum, sink);
  }

  /** See {@link GatewayClient#fetchReplies(GatewayLogin, boolean, AnswerSink)}. */
  public String fetchReplies(boolean ownExt, AnswerSink sink) {
    return client.fetchReplies(open(), ownExt, sink);
  }

  void close() {
    account = null;
  }

  private GatewayLogin open() {
    GatewayLogin current = account;
    if (current == null) {
      throw new IllegalStateException("used after its GatewayAccess.call returned");
    }
    return current;
  }

  @Override
  public String toString() {
    return "AccountGateway[" + accountId + "]";
  }
}
