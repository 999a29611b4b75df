package com.smsportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole portal on a random port, with MockMvc beside it: the configuration of every integration
 * test that drives the portal through MockMvc with its send worker off. One configuration for all
 * of them lets Spring's test context cache start the portal once per run and hand it to each such
 * class (a class whose configuration differs, even by one property or the mock servlet environment
 * instead of a port, costs a context start of its own, in the H2 run and again in the MariaDB run).
 * So what one of them needs is set here for all, where the others do not notice it: the metrics
 * token, the dashboard's patience with a slow machine's simulator, a clock to move and a count of
 * statements ({@link PortalTestBeans}).
 *
 * <p>Classes that talk to the portal over HTTP only, as a browser does, use {@link PortalHttpTest}
 * instead, a context without MockMvc: Spring Security's {@code csrf()} request post-processor swaps
 * the token repository of the context's one CSRF filter for a session-based test repository, so
 * after the first MockMvc form in a context its real server no longer behaves as the shipped portal
 * (anonymous pages would create sessions, no {@code XSRF-TOKEN} cookie). Tests of sending and
 * polling, with the worker on, use {@link PortalWithWorkerTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.metrics.token=" + PortalIntegrationTest.METRICS_TOKEN,
      // Slow machines: the balances panel waits for the simulator rather than show "pending".
      "smsportal.dashboard.balance-wait=PT20S"
    })
@AutoConfigureMockMvc
@Import(PortalTestBeans.class)
public @interface PortalIntegrationTest {

  /** The token that opens the metrics ({@code Authorization: Bearer …}) in this context. */
  String METRICS_TOKEN = "metrics-token-of-the-tests-3f9a1c7e5b";
}
