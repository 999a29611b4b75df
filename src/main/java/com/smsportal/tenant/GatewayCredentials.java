package com.smsportal.tenant;

import com.smsportal.gateway.GatewayAccount;
import com.smsportal.gateway.GatewayCharset;

/**
 * An account's decrypted credentials, for the modules that call the gateway. Keep it no longer than
 * the call: it holds the password in clear. {@link #toString()} masks it, so a log line or an
 * exception that prints the record does not leak it.
 */
public record GatewayCredentials(
    long accountId,
    long tenantId,
    String baseUrl,
    GatewayCharset charset,
    String userid,
    String account,
    String password) {

  /** The same credentials as the gateway client takes them. */
  public GatewayAccount toGatewayAccount() {
    return new GatewayAccount(baseUrl, charset, userid, account, password);
  }

  @Override
  public String toString() {
    return "GatewayCredentials[accountId="
        + accountId
        + ", tenantId="
        + tenantId
        + ", baseUrl="
        + baseUrl
        + ", charset="
        + charset
        + ", userid="
        + userid
        + ", account="
        + account
        + ", password=******]";
  }
}
