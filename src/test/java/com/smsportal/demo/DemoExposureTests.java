package com.smsportal.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

class DemoExposureTests {

  @Test
  void theDemoListensOnLoopbackByDefault() {
    ConfigurableWebServerFactory factory = mock(ConfigurableWebServerFactory.class);
    new DemoExposure(new MockEnvironment()).customize(factory);
    verify(factory).setAddress(InetAddress.getLoopbackAddress());
  }

  @Test
  void allowingRemoteLeavesTheAddressToServerAddress() {
    ConfigurableWebServerFactory factory = mock(ConfigurableWebServerFactory.class);
    new DemoExposure(new MockEnvironment().withProperty("smsportal.demo.allow-remote", "true"))
        .customize(factory);
    verify(factory, never()).setAddress(any());
  }

  @Test
  void anAddressOnTheNetworkIsRefusedWithoutTheSwitch() {
    ConfigurableWebServerFactory factory = mock(ConfigurableWebServerFactory.class);
    DemoExposure exposure =
        new DemoExposure(new MockEnvironment().withProperty("server.address", "0.0.0.0"));
    assertThatThrownBy(() -> exposure.customize(factory))
        .hasMessageContaining("SMSPORTAL_DEMO_ALLOW_REMOTE=true");
  }
}
