package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every state a number can be in has its label in both languages: the job page, its filter and the
 * numbers' CSV name a state through {@code jobs.number.<STATE>}, so a state without one (as {@code
 * LIMITED} of issue 26 was before its label) would show the raw key to the user.
 */
class NumberStateLabelsTests {

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

  {
    messages.setBasename("i18n/sending");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
  }

  @ParameterizedTest
  @EnumSource(NumberState.class)
  void eachStateHasAChineseAndAnEnglishLabel(NumberState state) {
    String key = "jobs.number." + state.name();
    String zh = messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
    String en = messages.getMessage(key, null, null, Locale.ENGLISH);
    assertThat(zh).as(key + " in Chinese").isNotBlank().matches(".*\\p{IsHan}.*");
    assertThat(en).as(key + " in English").isNotBlank().matches("[\\x20-\\x7E]+");
  }
}
