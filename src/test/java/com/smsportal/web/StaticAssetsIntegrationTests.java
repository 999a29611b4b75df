package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.PortalHttpTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our own files answer under /assets/, the libraries' under /webjars/, to anyone (the login page
 * needs them); nothing else is looked up as a static file.
 */
@PortalHttpTest
class StaticAssetsIntegrationTests {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theStylesScriptsAndHtmxAreServedToAnyone() throws Exception {
    assertThat(get("/assets/css/app.css").headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/css");
    assertThat(get("/assets/js/app.js").body()).contains("data-confirm");
    assertThat(get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/login").body())
        .contains("href=\"/assets/css/app.css\"")
        .contains("src=\"/assets/js/app.js\"");
  }

  @Test
  void aFileOutsideTheAssetsPathIsNotAStaticFile() throws Exception {
    // The stylesheet sits at static/css/app.css; only /assets/ maps there.
    assertThat(get("/css/app.css").statusCode()).isNotEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
