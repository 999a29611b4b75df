package com.smsportal;

import com.smsportal.web.FailingPages;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole portal on a random port, talked to over HTTP only, as a browser or a gateway client
 * does: the configuration of every integration test that needs a real server and no MockMvc (why
 * none: {@link PortalIntegrationTest}'s comment), so that Spring's test context cache starts it
 * once per run for all of them. Its send worker is on (a job sent from a page goes out and
 * finishes) and its simulator hands out status reports at once; and it has two {@link FailingPages
 * pages that fail}, for the error pages' test.
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
      "smsportal.simulator.report-delay=0s"
    })
@Import(FailingPages.class)
public @interface PortalHttpTest {}
