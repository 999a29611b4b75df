package com.smsportal.user.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

  @Test
  void theCommonPasswordListRefusesPassword1234InAnyCase() {
    assertThat(PasswordPolicy.violation("password1234", "li")).contains("password.error.common");
    assertThat(PasswordPolicy.violation("PassWord1234", "li")).contains("password.error.common");
    assertThat(PasswordPolicy.violation("qwertyuiop123", "li")).contains("password.error.common");
  }

  @Test
  void theBuiltInListHoldsAtLeastTenThousandCommonPasswords() {
    assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void twelveCharactersOfAnyKindAreEnoughWithoutCompositionRules() {
    assertThat(PasswordPolicy.violation("elevenchars", "li")).contains("password.error.short");
    assertThat(PasswordPolicy.violation("onlyletters-here", "li")).isEmpty();
    assertThat(PasswordPolicy.violation("七个汉字也不够长的吧", "li")).contains("password.error.short");
    assertThat(PasswordPolicy.violation("红色订书机在抽屉最里面的角落", "li")).isEmpty();
    assertThat(PasswordPolicy.violation("correct horse battery", "li")).isEmpty();
    assertThat(PasswordPolicy.violation("x".repeat(129), "li")).contains("password.error.long");
  }

  @Test
  void theUserNameAndThePortalsNameAreRefusedEvenWithPunctuationBetween() {
    assertThat(PasswordPolicy.violation("Peter.Gibbons-2026", "peter.gibbons"))
        .contains("password.error.username");
    assertThat(PasswordPolicy.violation("my SMS-Portal secret", "li"))
        .contains("password.error.portal");
    assertThat(PasswordPolicy.violation("我的短信门户密码真的很长很长", "li")).contains("password.error.portal");
  }
}
