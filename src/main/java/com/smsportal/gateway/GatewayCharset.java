package com.smsportal.gateway;

import java.nio.charset.Charset;

/**
 * The charset an upstream account talks in. It picks the endpoint of the four account actions and
 * the encoding of every form body; the report and reply endpoints exist in UTF-8 only.
 */
public enum GatewayCharset {
  UTF8("/sms.aspx", Charset.forName("UTF-8")),
  // The vendor calls it GB2312; GBK is its superset that every GB2312 server reads the same way.
  GBK("/smsGBK.aspx", Charset.forName("GBK"));

  private final String accountPath;
  private final Charset charset;

  GatewayCharset(String accountPath, Charset charset) {
    this.accountPath = accountPath;
    this.charset = charset;
  }

  /** The path of send, overage, checkkeyword and changespwd in this charset. */
  public String accountPath() {
    return accountPath;
  }

  public Charset charset() {
    return charset;
  }

  /** The charset's usual name, as pages show it: UTF-8 or GBK. */
  public String label() {
    return charset.name();
  }
}
