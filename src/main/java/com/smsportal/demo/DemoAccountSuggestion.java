package com.smsportal.demo;

import com.smsportal.gatewayaccount.NewAccountSuggestion;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * While the demo runs, a new gateway account's form preselects the simulator's endpoint (which
 * {@link DemoData} creates at start) and names the logins the simulator accepts: the demo's
 * published ones ({@code smsportal.simulator.accounts[n]}, application-demo.properties), so that a
 * demo user can create a working account without reading the configuration.
 */
@Component
@ConditionalOnBooleanProperty("smsportal.demo.enabled")
class DemoAccountSuggestion implements NewAccountSuggestion {

  private final Environment environment;
  private volatile Long simulatorEndpoint;

  DemoAccountSuggestion(Environment environment) {
    this.environment = environment;
  }

  /** The simulator's endpoint, once the demo has made sure it exists. */
  void simulatorEndpoint(long endpointId) {
    this.simulatorEndpoint = endpointId;
  }

  @Override
  public Long endpointId() {
    return simulatorEndpoint;
  }

  @Override
  public List<Login> logins() {
    List<Login> logins = new ArrayList<>();
    String base = "smsportal.simulator.accounts[";
    for (int i = 0; environment.containsProperty(base + i + "].account"); i++) {
      logins.add(
          new Login(
              environment.getProperty(base + i + "].userid"),
              environment.getProperty(base + i + "].account"),
              environment.getProperty(base + i + "].password")));
    }
    return logins;
  }
}
