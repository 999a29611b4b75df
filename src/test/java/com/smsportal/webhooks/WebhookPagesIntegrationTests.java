package com.smsportal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tenant admin's webhook pages: the secret shown once at creation and at a roll (never stored or
 * shown in clear again), the list, a test event in the delivery log, its redeliver, a delete after
 * its confirmation, bad input answered next to its field, and the notice of an endpoint the worker
 * switched off. This context's delivery worker is off: what is queued stays pending.
 */
@PortalIntegrationTest
class WebhookPagesIntegrationTests {

  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{40,}");
  private static final Pattern CREATED = Pattern.compile("/settings/webhooks/(\\d+)\"");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anEndpointsSecretIsShownOnceItsTestEventIsLoggedAndItIsDeletedAfterConfirmation()
      throws Exception {
    MockHttpSession admin = Logins.as(mvc, "acme");
    String url = "https://hooks.acme.example/in/" + System.nanoTime();
    MockHttpServletResponse created =
        mvc.perform(
                post("/settings/webhooks")
                    .param("url", url)
                    .param("events", "message.delivered", "reply.received")
                    .param("active", "true")
                    .session(admin)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    String page = created.getContentAsString(StandardCharsets.UTF_8);
    Matcher secret = SECRET.matcher(page);
    assertThat(secret.find()).as("the secret on the page").isTrue();
    assertThat(created.getHeader("Cache-Control")).isEqualTo("no-store");
    Matcher id = CREATED.matcher(page);
    assertThat(id.find()).isTrue();
    long endpoint = Long.parseLong(id.group(1));
    assertThat(
            jdbc.queryForObject(
                "select secret_sealed from webhook_endpoint where id = ?", String.class, endpoint))
        .isNotBlank()
        .doesNotContain(secret.group().substring(6));

    assertThat(page(admin, "/settings/webhooks")).contains(url).doesNotContain("whsec_");
    assertThat(page(admin, "/settings/webhooks/" + endpoint))
        .contains(url)
        .contains("id=\"event-message-delivered\"")
        .doesNotContain("whsec_");
    assertThat(page(admin, "/settings/webhooks/" + endpoint + "/deliveries"))
        .contains("id=\"deliveries-empty\"");

    mvc.perform(post("/settings/webhooks/" + endpoint + "/test").session(admin).with(csrf()));
    String log = page(admin, "/settings/webhooks/" + endpoint + "/deliveries");
    assertThat(log).contains("webhook.test").contains("id=\"delivery-table\"");
    long delivery =
        jdbc.queryForObject(
            "select id from webhook_delivery where endpoint_id = ?", Long.class, endpoint);
    jdbc.update("update webhook_delivery set state = 'FAILED' where id = ?", delivery);
    mvc.perform(
        post("/settings/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver")
            .session(admin)
            .with(csrf()));
    assertThat(
            jdbc.queryForObject(
                "select state from webhook_delivery where id = ?", String.class, delivery))
        .isEqualTo("PENDING");

    assertThat(page(admin, "/settings/webhooks/" + endpoint + "/roll-secret"))
        .contains("id=\"webhook-confirm\"");
    String rolled =
        mvc.perform(
                post("/settings/webhooks/" + endpoint + "/roll-secret").session(admin).with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Matcher second = SECRET.matcher(rolled);
    assertThat(second.find()).isTrue();
    assertThat(second.group()).isNotEqualTo(secret.group());
    assertThat(
            jdbc.queryForList(
                "select action from audit_event where target like ? order by id",
                String.class,
                "%" + endpoint + "%"))
        .contains(
            "WEBHOOK_CREATED", "WEBHOOK_TEST_SENT", "WEBHOOK_REDELIVERED", "WEBHOOK_SECRET_ROLLED");

    assertThat(page(admin, "/settings/webhooks/" + endpoint + "/delete"))
        .contains("id=\"webhook-confirm\"");
    mvc.perform(post("/settings/webhooks/" + endpoint + "/delete").session(admin).with(csrf()));
    assertThat(
            mvc.perform(get("/settings/webhooks/" + endpoint).session(admin))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void badInputIsAnsweredNextToItsFieldAndADisabledEndpointIsAnnounced() throws Exception {
    MockHttpSession admin = Logins.as(mvc, "acme");
    String refused =
        mvc.perform(
                post("/settings/webhooks")
                    .param("url", "ftp://hooks.acme.example/")
                    .session(admin)
                    .with(csrf())
                    .locale(Locale.ENGLISH))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("id=\"url-error\"").contains("id=\"events-error\"");
    assertThat(refused).doesNotContain("whsec_");

    long tenant =
        jdbc.queryForObject(
            "select tenant_id from portal_user where username = 'acme'", Long.class);
    jdbc.update(
        "insert into webhook_endpoint (tenant_id, url, events, active, created_at, created_by,"
            + " updated_at, updated_by, failing_since, disabled_at) values (?,"
            + " 'https://down.acme.example/', 'job.finished', false, CURRENT_TIMESTAMP, 't',"
            + " CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        tenant);
    long id =
        jdbc.queryForObject(
            "select max(id) from webhook_endpoint where tenant_id = ?", Long.class, tenant);
    assertThat(page(admin, "/settings/webhooks")).contains("id=\"webhook-disabled-" + id + "\"");
    jdbc.update("delete from webhook_endpoint where id = ?", id);
  }

  private String page(MockHttpSession session, String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).session(session)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }
}
