package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.NewAccountSuggestion;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which endpoint a new account's form preselects, with and without the demo's suggestion. */
class NewAccountDefaultsTests {

  private static final EndpointView REAL = endpoint(1, "聚合云");
  private static final EndpointView SIMULATOR = endpoint(2, "聚合云 模拟器（演示）");

  @Test
  void withoutASuggestionTheFirstActiveEndpointIsPreselected() {
    assertThat(NewAccountDefaults.choose(List.of(REAL, SIMULATOR), null)).isEqualTo(REAL);
  }

  @Test
  void theSuggestedEndpointIsPreselectedWhenItIsActive() {
    assertThat(NewAccountDefaults.choose(List.of(REAL, SIMULATOR), suggesting(2L)))
        .isEqualTo(SIMULATOR);
  }

  @Test
  void aSuggestionOfAnEndpointThatIsNotActiveOrNotYetKnownIsIgnored() {
    assertThat(NewAccountDefaults.choose(List.of(REAL), suggesting(2L))).isEqualTo(REAL);
    assertThat(NewAccountDefaults.choose(List.of(REAL, SIMULATOR), suggesting(null)))
        .isEqualTo(REAL);
  }

  @Test
  void noActiveEndpointPreselectsNothing() {
    assertThat(NewAccountDefaults.choose(List.of(), suggesting(2L))).isNull();
  }

  private static NewAccountSuggestion suggesting(Long endpointId) {
    return new NewAccountSuggestion() {
      @Override
      public Long endpointId() {
        return endpointId;
      }

      @Override
      public List<Login> logins() {
        return List.of();
      }
    };
  }

  private static EndpointView endpoint(long id, String name) {
    Instant now = Instant.parse("2026-12-07T00:00:00Z");
    return new EndpointView(
        id,
        name,
        "http://x" + id,
        GatewayCharset.UTF8,
        null,
        true,
        now,
        "admin",
        now,
        "admin",
        null);
  }
}
