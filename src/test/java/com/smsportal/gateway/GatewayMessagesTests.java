package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every gateway error has its explanation in Chinese (the default) and in English. */
class GatewayMessagesTests {

  private final ResourceBundleMessageSource messages = messages();

  @ParameterizedTest
  @EnumSource(GatewayError.class)
  void everyErrorIsExplainedInChineseAndEnglish(GatewayError error) {
    String chinese =
        messages.getMessage(error.messageKey(), new Object[] {"x"}, Locale.SIMPLIFIED_CHINESE);
    String english = messages.getMessage(error.messageKey(), new Object[] {"x"}, Locale.ENGLISH);

    assertThat(chinese).isNotBlank().isNotEqualTo(english);
    assertThat(
            chinese
                .codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
        .isTrue();
    assertThat(english).matches("\\p{ASCII}+");
  }

  /**
   * A call that only reads (a balance, a keyword check, a connection test) sent nothing: its
   * explanation never advises about resending, in either language, yet says what went wrong.
   */
  @ParameterizedTest
  @EnumSource(GatewayError.class)
  void aReadIsNeverToldToBewareOfResending(GatewayError error) {
    String chinese =
        messages.getMessage(error.readMessageKey(), new Object[] {"x"}, Locale.SIMPLIFIED_CHINESE);
    String english =
        messages.getMessage(error.readMessageKey(), new Object[] {"x"}, Locale.ENGLISH);

    assertThat(chinese).doesNotContain("重发").isNotEqualTo(english);
    assertThat(english.toLowerCase(Locale.ROOT)).doesNotContain("resend").matches("\\p{ASCII}+");
    if (error.mayHaveTakenEffect()) {
      assertThat(chinese).contains("请稍后再试");
      assertThat(english).contains("try again later");
    }
  }

  @org.junit.jupiter.api.Test
  void theExplanationOfUnencodableContentNamesTheCharacters() {
    GatewayException refused =
        new GatewayException(
            GatewayError.NOT_ENCODABLE, null, java.util.List.of("😀", "☃"), null, null, null, null);

    assertThat(
            messages.getMessage(
                refused.error().messageKey(), refused.messageArguments(), Locale.ENGLISH))
        .endsWith("nothing was sent: 😀 ☃");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("i18n/gateway");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
