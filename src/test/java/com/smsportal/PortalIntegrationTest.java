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
 * The whole portal on a random port, with MockMvc beside it: the configuration of every integration
 * test that drives the portal through MockMvc and needs no settings of its own. One configuration
 * for all of them lets Spring's test context cache start the portal once per run and hand it to
 * each such class (a class whose configuration differs, even by the mock servlet environment
 * instead of a port, costs a context start of its own, in the H2 run and again in the MariaDB run).
 *
 * <p>Classes that talk to the portal over HTTP only, as a browser does, keep a context without
 * MockMvc ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): Spring Security's {@code csrf()}
 * request post-processor swaps the token repository of the context's one CSRF filter for a
 * session-based test repository, so after the first MockMvc form in a context its real server no
 * longer behaves as the shipped portal (anonymous pages would create sessions, no {@code
 * XSRF-TOKEN} cookie).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public @interface PortalIntegrationTest {}
