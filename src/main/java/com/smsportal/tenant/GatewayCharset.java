package com.smsportal.tenant;

/**
 * Which endpoint of the gateway an account speaks to: {@code /sms.aspx} or {@code /smsGBK.aspx}.
 */
public enum GatewayCharset {
  UTF_8("UTF-8"),
  GBK("GBK");

  private final String label;

  GatewayCharset(String label) {
    this.label = label;
  }

  /** The charset's usual name, as pages show it. */
  public String label() {
    return label;
  }
}
