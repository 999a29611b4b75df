package com.smsportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.webhooks.WebhookReceiver;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The webhooks' egress: a host resolving to a loopback, private, link-local or metadata address is
 * refused unless private addresses are allowed (the resolver here is a fake: the host names are the
 * test's); and against a real receiver on 127.0.0.1, a delivery with the setting off never reaches
 * it, and a redirect is an answer, never followed.
 */
class EgressGuardTests {

  private static EgressGuard guard(boolean allowPrivate, String... addresses) {
    return new EgressGuard(
        false,
        allowPrivate,
        host -> {
          InetAddress[] resolved = new InetAddress[addresses.length];
          for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
          }
          return resolved;
        });
  }

  @Test
  void hostsResolvingToLoopbackPrivateLinkLocalOrMetadataAddressesAreRefusedUnlessAllowed() {
    for (String address :
        new String[] {
          "127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "172.16.5.4", "192.168.1.1",
          "100.64.0.1", "fd00:ec2::254", "fe80::1", "0.0.0.0", "224.0.0.1", "::ffff:127.0.0.1"
        }) {
      assertThat(guard(false, address).check("https://hooks.example.com/in").refusal())
          .as(address)
          .isEqualTo("webhooks.egress.private");
      assertThat(guard(true, address).check("https://hooks.example.com/in").allowed())
          .as(address + " with private addresses allowed")
          .isTrue();
    }
    assertThat(guard(false, "93.184.215.14", "10.0.0.1").check("https://a.example/").allowed())
        .as("one private address among public ones")
        .isFalse();
  }

  @Test
  void aPublicAddressIsConnectedAsCheckedAndOnlyHttpsUnlessHttpIsAllowed() {
    EgressGuard.Verdict verdict =
        guard(false, "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
            .check("https://hooks.example.com:8443/in?x=1");
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.target().address().getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(verdict.target().hostHeader()).isEqualTo("hooks.example.com:8443");
    assertThat(verdict.target().pathAndQuery()).isEqualTo("/in?x=1");
    assertThat(guard(false, "93.184.215.14").check("http://hooks.example.com/").refusal())
        .isEqualTo("webhooks.url.httpsOnly");
    assertThat(guard(false, "93.184.215.14").check("https://user:pw@hooks.example.com/").refusal())
        .isEqualTo("webhooks.url.invalid");
  }

  @Test
  void aRealDeliveryTo127001IsRefusedWithPrivateAddressesOffAndARedirectIsNotFollowed()
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String secret = SigningSecrets.fresh();
      receiver.secret("/", secret);
      PinnedHttp http = new PinnedHttp(Duration.ofSeconds(5), Duration.ofSeconds(5));
      Courier refusing = new Courier(Courier.guard(true, false), http, Clock.systemUTC());
      Courier.Outcome refused =
          refusing.attempt(1, receiver.url("/ok/private"), secret, "msg_1", "{}");
      assertThat(refused.success()).isFalse();
      assertThat(refused.attempt().summary()).isEqualTo("webhooks.egress.private");
      assertThat(receiver.received()).isEmpty();

      Courier allowing = new Courier(Courier.guard(true, true), http, Clock.systemUTC());
      Courier.Outcome redirected =
          allowing.attempt(2, receiver.url("/redirect/a"), secret, "msg_2", "{\"type\":\"x\"}");
      assertThat(redirected.success()).isFalse();
      assertThat(redirected.attempt().status()).isEqualTo(302);
      assertThat(receiver.received())
          .extracting(WebhookReceiver.Received::path)
          .containsExactly("/redirect/a");
      assertThat(receiver.received().get(0).signatureValid()).isTrue();
    }
  }

  /** The specification's own example, as its reference libraries test it. */
  @Test
  void theSignatureIsTheSpecificationsForItsExample() {
    assertThat(
            Signature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    assertThat(SigningSecrets.fresh()).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 32);
  }
}
