package com.smsportal.gatewayaccount;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayLogin;
import org.junit.jupiter.api.Test;

/** The gateway as one account never shows its password, in a log line or anywhere. */
class AccountGatewayTests {

  static final String SECRET = "s3cret-密码";

  @Test
  void credentialsPrintedInALogLineDoNotShowThePassword() {
    GatewayLogin credentials =
        new GatewayLogin("http://gw", GatewayCharset.GBK, "1001", "acme", SECRET);
    assertThat(credentials.toString()).doesNotContain(SECRET).contains("password=****");
    assertThat(new AccountGateway(1, null, credentials).toString()).doesNotContain(SECRET);
  }
}
