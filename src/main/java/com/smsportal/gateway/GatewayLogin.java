package com.smsportal.gateway;

import java.util.Objects;

/**
 * One account at the gateway: where it lives and how to log in. The password is never shown by
 * {@link #toString()}, so an account can be logged or put into an exception safely.
 *
 * @param baseUrl for example {@code http://39.107.117.142:8088}, without the endpoint path
 * @param charset which of the two account endpoints to use, and the encoding of the form body
 * @param userid the enterprise id (numeric at the vendor, kept as text)
 * @param accountId the portal's id of this gateway account, which names it in metrics (the circuit
 *     breaker's {@code account-<id>}); null for an account not stored yet (a connection test before
 *     saving), whose breaker has no metrics
 */
public record GatewayLogin(
    String baseUrl,
    GatewayCharset charset,
    String userid,
    String account,
    String password,
    Long accountId) {

  /** An account the portal has not stored (yet): no id, so no metrics of its own. */
  public GatewayLogin(
      String baseUrl, GatewayCharset charset, String userid, String account, String password) {
    this(baseUrl, charset, userid, account, password, null);
  }

  public GatewayLogin {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(charset, "charset");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    userid = userid == null ? "" : userid;
    account = account == null ? "" : account;
    password = password == null ? "" : password;
  }

  /** The same account after a successful {@code changespwd}. */
  public GatewayLogin withPassword(String newPassword) {
    return new GatewayLogin(baseUrl, charset, userid, account, newPassword, accountId);
  }

  /** Identifies the account (for the circuit breaker and logs) without the password. */
  String key() {
    return baseUrl + "|" + userid + "|" + account;
  }

  /**
   * The name of the account's circuit breaker in metrics: the portal's id, never the tenant's
   * {@code userid} or {@code account} (which every scraper of the metrics would read).
   */
  String metricName() {
    return accountId == null ? null : "account-" + accountId;
  }

  @Override
  public String toString() {
    return "GatewayLogin[baseUrl="
        + baseUrl
        + ", charset="
        + charset
        + ", userid="
        + userid
        + ", account="
        + account
        + ", password=****]";
  }
}
