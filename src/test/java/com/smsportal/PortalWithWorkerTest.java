package com.smsportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole portal on a random port, with MockMvc, its send worker on and a gateway client that
 * gives up soon: the one configuration of the tests of sending and polling, so that they share one
 * context (as {@link PortalIntegrationTest}'s classes share theirs). The build switches every
 * context's worker and poller off; here the worker takes a job within a fifth of a second, and the
 * tests poll themselves. The simulator hands out status reports at once and holds a request that it
 * hangs ({@code HANG}, {@code LOST_ANSWER}) longer than the client waits for an answer (5 s, no
 * second try of a read); a failed chunk is tried again after 2 s; a chunk is left SUBMITTING by
 * nobody's node for 10 s at most; the circuit breakers stay closed, and a poll fetches at most 100
 * reports and stops fetching after 2 s. Its webhook worker delivers every fifth of a second and
 * retries a failed delivery after a fifth of a second, doubled each time.
 *
 * <p>Spring pauses a cached context while other contexts' classes run: this worker sends only while
 * a class of this context runs. A test that counts what the simulator received or handed out uses
 * an account of its own there ({@link SimulatorControl#open}), since the simulator's state outlives
 * a class; a class may reset the simulator before each of its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.sending.worker-enabled=true",
      "smsportal.sending.poll-every=PT0.2S",
      "smsportal.sending.retry-after=PT2S",
      "smsportal.sending.submitting-stale-after=PT10S",
      "smsportal.gateway.read-timeout=5s",
      "smsportal.gateway.read-retries=0",
      "smsportal.gateway.breaker-failures=1000",
      "smsportal.simulator.report-delay=0s",
      "smsportal.simulator.hang-for=6s",
      "smsportal.poller.status-num=100",
      "smsportal.poller.every=PT5S",
      "smsportal.poller.max-round-time=PT2S",
      "smsportal.poller.spool-dir=${java.io.tmpdir}/smsportal-poller-it-spool",
      "smsportal.webhooks.worker-enabled=true",
      "smsportal.webhooks.every=PT0.2S",
      "smsportal.webhooks.retry-base=PT0.2S"
    })
@AutoConfigureMockMvc
public @interface PortalWithWorkerTest {}
