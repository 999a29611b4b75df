package com.smsportal.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Two pages that fail, for {@link ErrorPagesIntegrationTests}: part of the context of every {@link
 * com.smsportal.PortalHttpTest}, so that those tests need no context of their own. No other test
 * calls them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Controller
public class FailingPages {

  /** What an internal error could carry: the error page shows none of it. */
  private static final String INTERNAL_DETAIL = "jdbc-password=hunter2 at SecretDao.java:42";

  @GetMapping("/test-only/boom")
  String boom() {
    throw new IllegalStateException(INTERNAL_DETAIL);
  }

  @GetMapping("/test-only/missing/{id}")
  String missing() {
    throw new NotFoundException();
  }
}
