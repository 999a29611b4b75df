package com.smsportal.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user logged in with a temporary password sees nothing but the password change page until they
 * chose their own. An htmx call is sent there with {@code HX-Redirect}.
 */
@Configuration
class PasswordChangeGate implements WebMvcConfigurer, HandlerInterceptor {

  static final String PATH = "/account/password";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .excludePathPatterns(PATH, "/logout", "/login", "/error", "/assets/**", "/webjars/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.getPrincipal() instanceof PortalUserDetails user
        && user.mustChangePassword()) {
      String target = request.getContextPath() + PATH;
      if (request.getHeader("HX-Request") != null) {
        response.setHeader("HX-Redirect", target);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      } else {
        response.sendRedirect(target);
      }
      return false;
    }
    return true;
  }
}
