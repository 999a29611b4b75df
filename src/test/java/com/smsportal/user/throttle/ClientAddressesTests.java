package com.smsportal.user.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTests {

  @Test
  void anIpv4AddressCountsAsItself() {
    assertThat(ClientAddresses.key("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddresses.key("203.0.113.007")).isEqualTo("203.0.113.7");
  }

  @Test
  void anIpv6AddressCountsByItsSlash64() {
    assertThat(ClientAddresses.key("2001:db8:1:2:aaaa::1"))
        .isEqualTo(ClientAddresses.key("[2001:db8:1:2:ffff:0:0:9]"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddresses.key("2001:db8:1:3::1")).isNotEqualTo("2001:db8:1:2::/64");
  }

  @Test
  void anythingButALiteralAddressIsNeverLookedUp() {
    assertThat(ClientAddresses.key("attacker.example")).isEqualTo(ClientAddresses.UNKNOWN);
    assertThat(ClientAddresses.key("999.1.1.1")).isEqualTo(ClientAddresses.UNKNOWN);
    assertThat(ClientAddresses.key("cafe")).isEqualTo(ClientAddresses.UNKNOWN);
    assertThat(ClientAddresses.key(null)).isEqualTo(ClientAddresses.UNKNOWN);
  }
}
