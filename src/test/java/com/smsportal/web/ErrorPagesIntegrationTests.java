package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors get a friendly page in the user's language, and never a stack trace or its detail. Run on
 * the real servlet container, whose error dispatch renders these pages ({@link FailingPages} fail
 * on purpose).
 */
@PortalHttpTest
class ErrorPagesIntegrationTests {

  @LocalServerPort int port;

  PortalHttpClient acme;

  @BeforeEach
  void logIn() throws Exception {
    acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
  }

  @Test
  void anUnknownPageShowsTheFriendlyNotFoundPage() throws Exception {
    HttpResponse<String> response = acme.get("/no-such-page");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("data-status=\"404\"").contains("页面不存在");
  }

  /** What every page answers for a thing that is not there (or is another tenant's). */
  @Test
  void aThingNotFoundShowsTheSameFriendlyNotFoundPageInTheUsersLanguage() throws Exception {
    HttpResponse<String> response = acme.get("/test-only/missing/42");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("data-status=\"404\"").contains("页面不存在");

    acme.get("/?lang=en");
    response = acme.get("/test-only/missing/42");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("lang=\"en\"")
        .contains("data-status=\"404\"")
        .contains("Page not found");
  }

  @Test
  void aForbiddenPageShowsTheFriendlyAccessDeniedPage() throws Exception {
    HttpResponse<String> response = acme.get("/admin/logins");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("data-status=\"403\"").contains("没有权限");
  }

  @Test
  void aServerErrorShowsTheFriendlyPageWithoutTheExceptionOrStackTrace() throws Exception {
    HttpResponse<String> response = acme.get("/test-only/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("data-status=\"500\"").contains("服务器出错了");
    assertThat(response.body())
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException")
        .doesNotContain("SecretDao")
        .doesNotContain("at com.smsportal");
  }

  @Test
  void errorPagesSpeakEnglishWhenTheUserChoseIt() throws Exception {
    acme.get("/?lang=en");
    HttpResponse<String> response = acme.get("/no-such-page");
    assertThat(response.body()).contains("lang=\"en\"").contains("Page not found");
  }
}
