package com.smsportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code ?lang=en} or {@code ?lang=zh-CN} on any page switches the language and remembers it. Only
 * the two languages the portal speaks are accepted; anything else is ignored.
 */
class LanguageSwitch implements HandlerInterceptor {

  static final String PARAM = "lang";

  private final LocaleResolver localeResolver;

  LanguageSwitch(LocaleResolver localeResolver) {
    this.localeResolver = localeResolver;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    supported(request.getParameter(PARAM))
        .ifPresent(locale -> localeResolver.setLocale(request, response, locale));
    return true;
  }

  static Optional<Locale> supported(String requested) {
    if (requested == null) {
      return Optional.empty();
    }
    String language = requested.strip().toLowerCase(Locale.ROOT);
    if (language.equals("en") || language.startsWith("en-") || language.startsWith("en_")) {
      return Optional.of(Locale.ENGLISH);
    }
    if (language.equals("zh") || language.startsWith("zh-") || language.startsWith("zh_")) {
      return Optional.of(Locale.SIMPLIFIED_CHINESE);
    }
    return Optional.empty();
  }
}
