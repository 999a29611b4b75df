package com.smsportal.user.signin;

import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.password.PasswordController;
import com.smsportal.user.secondfactor.TwoFactorController;
import com.smsportal.user.session.BackgroundPolls;
import com.smsportal.user.session.EndedSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Steps a signed-in user must take before anything else, in this order: replace a temporary
 * password, then enrol a second factor where one is required (staff, or a tenant that requires it).
 * Until then every page leads to the step's page; an htmx call is sent there with {@code
 * HX-Redirect}, except a background poll (the bell), which gets nothing.
 */
@Configuration
class SignInGate implements WebMvcConfigurer, HandlerInterceptor {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .excludePathPatterns(
            "/logout", "/login", "/login/**", "/error", "/assets/**", "/webjars/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (!(auth != null && auth.getPrincipal() instanceof PortalUserDetails user)) {
      return true;
    }
    String step =
        user.mustChangePassword()
            ? PasswordController.PATH
            : user.mustEnrolSecondFactor() ? TwoFactorController.PATH : null;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (step == null || path.equals(step) || path.startsWith(step + "/")) {
      return true;
    }
    String target = request.getContextPath() + step;
    if (BackgroundPolls.isBackground(request)) {
      // The bell's poll on the step's own page: nothing to show, and no redirect to the page the
      // user is on (htmx would load it again, and its bell again, without end).
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if (EndedSession.isHtmx(request)) {
      response.setHeader("HX-Redirect", target);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      response.sendRedirect(target);
    }
    return false;
  }
}
