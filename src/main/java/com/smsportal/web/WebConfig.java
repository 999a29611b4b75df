package com.smsportal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

@Configuration
class WebConfig implements WebMvcConfigurer {

  /** The portal speaks Simplified Chinese unless the user chose English. */
  static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final ObjectProvider<AsyncTaskExecutor> applicationTasks;

  WebConfig(
      @Qualifier("applicationTaskExecutor") ObjectProvider<AsyncTaskExecutor> applicationTasks) {
    this.applicationTasks = applicationTasks;
  }

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

  /**
   * Streamed downloads run on Boot's application task executor (or threads of their own without
   * one), as before, but a timed-out or abandoned download is never interrupted: see {@link
   * NoInterruptExecutor}. Boot's own configurer, which runs first, keeps the timeout
   * (spring.mvc.async.request-timeout).
   */
  @Override
  public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
    configurer.setTaskExecutor(
        new NoInterruptExecutor(
            applicationTasks.getIfAvailable(() -> new SimpleAsyncTaskExecutor("download-"))));
  }
}
