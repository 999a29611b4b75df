package com.smsportal.gatewayaccount.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayPasswordsTests {

  private final GatewayPasswords passwords = new GatewayPasswords();

  @Test
  void generatedPasswordsAreSixteenMixedLettersAndDigitsAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String password = passwords.generate();
      assertThat(password).matches("[A-Za-z0-9]{16}").matches(".*[A-Z].*").matches(".*[a-z].*");
      assertThat(password).matches(".*[0-9].*");
      assertThat(GatewayPasswords.acceptable(password)).isTrue();
      assertThat(seen.add(password)).isTrue();
    }
  }

  @Test
  void anAdministratorsChoiceMustBeEightToThirtyTwoLettersAndDigits() {
    assertThat(GatewayPasswords.acceptable("abcd1234")).isTrue();
    assertThat(GatewayPasswords.acceptable("A".repeat(32))).isTrue();
    assertThat(GatewayPasswords.acceptable("abc1234")).isFalse();
    assertThat(GatewayPasswords.acceptable("A".repeat(33))).isFalse();
    assertThat(GatewayPasswords.acceptable("abcd-1234")).isFalse();
    assertThat(GatewayPasswords.acceptable("密码密码密码密码")).isFalse();
    assertThat(GatewayPasswords.acceptable(null)).isFalse();
  }
}
