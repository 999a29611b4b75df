package com.smsportal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An answer that tries XML external entities is refused, and nothing outside it is read. */
class AnswerParserXxeTests {

  @RegisterExtension
  static WireMockExtension gateway =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension attacker =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void anExternalFileEntityIsRefusedAndTheFileIsNotRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    answer(
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
            + "<!DOCTYPE returnsms [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<returnsms><returnstatus>Sucess</returnstatus><message>&xxe;</message>"
            + "<payinfo>&xxe;</payinfo><overage>1</overage><sendTotal>1</sendTotal></returnsms>");

    GatewayException refused = overageFails();

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
    assertThat(refused.rawAnswer()).doesNotContain("TOP-SECRET");
  }

  @Test
  void anExternalHttpEntityOrDtdIsRefusedAndNeverFetched() {
    attacker.stubFor(get(anyUrl()).willReturn(aResponse().withBody("<!ENTITY x 'y'>")));
    answer(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE returnsms SYSTEM \""
            + attacker.baseUrl()
            + "/evil.dtd\" [<!ENTITY % remote SYSTEM \""
            + attacker.baseUrl()
            + "/param.dtd\"> %remote; <!ENTITY web SYSTEM \""
            + attacker.baseUrl()
            + "/entity\">]>\n<returnsms><message>&web;</message></returnsms>");

    GatewayException refused = overageFails();

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    attacker.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anInternalEntityExpansionIsRefusedToo() {
    answer(
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<returnsms><message>&b;</message></returnsms>");

    assertThat(overageFails().error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
  }

  private GatewayException overageFails() {
    GatewayClient client = new GatewayClient(TestGatewaySettings.defaults(), url -> true);
    GatewayLogin account = new GatewayLogin(gateway.baseUrl(), GatewayCharset.UTF8, "1", "a", "pw");
    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.overage(account));
    assertThat(refused).isNotNull();
    gateway.verify(1, postRequestedFor(urlEqualTo("/sms.aspx")));
    return refused;
  }

  private static void answer(String body) {
    gateway.stubFor(
        post(urlEqualTo("/sms.aspx"))
            .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(body)));
  }
}
