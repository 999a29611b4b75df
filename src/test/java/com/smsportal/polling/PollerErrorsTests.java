package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The pollers page shows a sentence per error code in the reader's language, never the code. */
class PollerErrorsTests {

  private final PollerErrors errors = new PollerErrors(messages());

  @Test
  void aGatewayErrorIsASentenceFollowedOnceByTheGatewaysOwnText() {
    PollerErrors.Shown english = errors.of("WRONG_CREDENTIALS: 用户名或密码错误", Locale.ENGLISH);
    assertThat(english.sentence())
        .isEqualTo("The gateway refused this gateway account's user name or password.");
    assertThat(english.gatewayText()).isEqualTo("用户名或密码错误");

    PollerErrors.Shown chinese =
        errors.of("WRONG_CREDENTIALS: 用户名或密码错误", Locale.SIMPLIFIED_CHINESE);
    assertThat(chinese.sentence()).isEqualTo("网关拒绝了该网关账号的用户名或密码。");
  }

  @Test
  void aRowStoredBeforeWithTheCodeTwiceShowsItNeither() {
    PollerErrors.Shown shown =
        errors.of("WRONG_CREDENTIALS: WRONG_CREDENTIALS: 用户名或密码错误", Locale.ENGLISH);
    assertThat(shown.sentence()).doesNotContain("WRONG_CREDENTIALS");
    assertThat(shown.gatewayText()).isEqualTo("用户名或密码错误");
  }

  @Test
  void thePollersOwnCodesHaveSentencesAndAnUnknownTextIsShownAsStored() {
    assertThat(errors.of("PASSWORD_NEEDED", Locale.SIMPLIFIED_CHINESE))
        .isEqualTo(new PollerErrors.Shown("需要重新输入该网关账号的密码。", null));
    assertThat(errors.of("ROTATION_IN_PROGRESS", Locale.ENGLISH).sentence())
        .startsWith("The gateway password of this account is being changed");
    assertThat(errors.of("UNREADABLE_ANSWER: 12", Locale.ENGLISH).sentence())
        .contains("(number 12)");
    assertThat(errors.of("something broke", Locale.ENGLISH))
        .isEqualTo(new PollerErrors.Shown("something broke", null));
    assertThat(errors.of("NOT_A_CODE_WE_KNOW: x", Locale.ENGLISH).sentence())
        .isEqualTo("NOT_A_CODE_WE_KNOW: x");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/gateway", "i18n/polling");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
