package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.webhooks.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook event through a crash run (issue 25), riding on a crash test's own kills rather than
 * starting portals of its own: an endpoint on a {@link WebhookReceiver} that holds the first
 * delivery, a test event committed and its delivery held there when the portal is killed; after the
 * restarts the same event arrives again, signed. The run's portal needs {@link #SETTINGS}.
 */
final class WebhookCrash {

  /** Private addresses (the receiver is on 127.0.0.1) and a read that outlasts the hold. */
  static final List<String> SETTINGS =
      List.of(
          "--smsportal.webhooks.allow-private-addresses=true",
          "--smsportal.webhooks.every=PT0.2S",
          "--smsportal.webhooks.read-timeout=PT5M");

  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{40,}");
  private static final Pattern CREATED = Pattern.compile("/settings/webhooks/(\\d+)\"");

  private WebhookCrash() {}

  /** Registers the endpoint as acme and sends a test event; returns once it is held. */
  static void heldTestEvent(CrashRun run, WebhookReceiver receiver) throws Exception {
    String created =
        run.acme()
            .submit(
                "/settings/webhooks/new",
                "/settings/webhooks",
                "url="
                    + URLEncoder.encode(receiver.url("/hold/crash"), StandardCharsets.UTF_8)
                    + "&events=job.finished&active=true")
            .body();
    Matcher secret = SECRET.matcher(created);
    Matcher id = CREATED.matcher(created);
    assertThat(secret.find() && id.find()).as("the created endpoint's page").isTrue();
    receiver.secret("/hold", secret.group());
    String endpoint = "/settings/webhooks/" + id.group(1);
    run.acme().submit(endpoint, endpoint + "/test", "x=1");
    assertThat(receiver.awaitHeld(60)).as("the test event's delivery at the receiver").isTrue();
  }

  /** After the kill and the restarts: the held event came again, same webhook-id, signed. */
  static void deliveredAgain(WebhookReceiver receiver) {
    await("the test event delivered again after the restart")
        .atMost(Duration.ofSeconds(60))
        .until(() -> tests(receiver).size() >= 2);
    List<WebhookReceiver.Received> got = tests(receiver);
    assertThat(got).extracting(WebhookReceiver.Received::id).containsOnly(got.get(0).id());
    assertThat(receiver.receivedUnder("/hold"))
        .allMatch(WebhookReceiver.Received::signatureValid, "signed");
  }

  private static List<WebhookReceiver.Received> tests(WebhookReceiver receiver) {
    return receiver.receivedUnder("/hold").stream()
        .filter(r -> r.isOfType("webhook.test"))
        .toList();
  }
}
