package com.smsportal.gateway;

import java.util.Objects;

/**
 * One account at the gateway: where it lives and how to log in. The password is never shown by
 * {@link #toString()}, so an account can be logged or put into an exception safely.
 *
 * @param baseUrl for example {@code http://39.107.117.142:8088}, without the endpoint path
 * @param charset which of the two account endpoints to use, and the encoding of the form body
 * @param userid the enterprise id (numeric at the vendor, kept as text)
 */
public record GatewayLogin(
    String baseUrl, GatewayCharset charset, String userid, String account, String password) {

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
    return new GatewayLogin(baseUrl, charset, userid, account, newPassword);
  }

  /** Identifies the account (for the circuit breaker and logs) without the password. */
  String key() {
    return baseUrl + "|" + userid + "|" + account;
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
