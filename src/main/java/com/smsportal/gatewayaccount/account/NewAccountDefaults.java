package com.smsportal.gatewayaccount.account;

import com.smsportal.gatewayaccount.NewAccountSuggestion;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The endpoint a new account's form preselects and the logins it shows beside it: what a {@link
 * NewAccountSuggestion} (the demo's) says, as long as its endpoint is an active one; otherwise the
 * first active endpoint and no logins.
 */
@Component
class NewAccountDefaults {

  private final ObjectProvider<NewAccountSuggestion> suggestion;

  NewAccountDefaults(ObjectProvider<NewAccountSuggestion> suggestion) {
    this.suggestion = suggestion;
  }

  /** The endpoint to preselect among the active ones; null when there is none. */
  EndpointView endpoint(List<EndpointView> active) {
    return choose(active, suggestion.getIfAvailable());
  }

  /** The logins to show: the suggestion's, if its endpoint is an active one. */
  List<NewAccountSuggestion.Login> logins(List<EndpointView> active) {
    NewAccountSuggestion suggested = suggestion.getIfAvailable();
    if (suggested == null || !suggests(active, suggested)) {
      return List.of();
    }
    return suggested.logins();
  }

  static EndpointView choose(List<EndpointView> active, NewAccountSuggestion suggested) {
    if (suggested != null && suggested.endpointId() != null) {
      for (EndpointView endpoint : active) {
        if (endpoint.id() == suggested.endpointId()) {
          return endpoint;
        }
      }
    }
    return active.isEmpty() ? null : active.get(0);
  }

  private static boolean suggests(List<EndpointView> active, NewAccountSuggestion suggested) {
    return active.stream().anyMatch(e -> Objects.equals(e.id(), suggested.endpointId()));
  }
}
