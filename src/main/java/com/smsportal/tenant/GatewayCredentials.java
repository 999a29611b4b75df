package com.smsportal.tenant;

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
