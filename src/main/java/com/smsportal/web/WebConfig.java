package com.smsportal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

@Configuration
class WebConfig implements WebMvcConfigurer {

  /** The portal speaks Simplified Chinese unless the user chose English. */
  static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("SMSPORTAL_LANG");
    resolver.setDefaultLocale(DEFAULT_LOCALE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageSwitch(localeResolver()));
  }
}
