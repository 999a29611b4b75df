package com.smsportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting, by one rule for the audit log and every "created by": the signed-in user, else
 * anonymous in a request, else the system.
 */
class CurrentActorTests {

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void aSignedInUserActsUnderTheirNameAndRole() {
    signIn(
        UsernamePasswordAuthenticationToken.authenticated(
            "acme",
            null,
            AuthorityUtils.createAuthorityList("FACTOR_PASSWORD", "ROLE_TENANT_ADMIN")));
    inRequest();

    assertThat(CurrentActor.name()).isEqualTo("acme");
    assertThat(CurrentActor.role()).isEqualTo("TENANT_ADMIN");
  }

  @Test
  void aSignedInUserWithoutARoleHasNone() {
    signIn(UsernamePasswordAuthenticationToken.authenticated("acme", null, List.of()));

    assertThat(CurrentActor.name()).isEqualTo("acme");
    assertThat(CurrentActor.role()).isNull();
  }

  @Test
  void nobodySignedInOutsideAnyRequestIsTheSystem() {
    assertThat(CurrentActor.name()).isEqualTo(CurrentActor.SYSTEM);
    assertThat(CurrentActor.role()).isNull();
  }

  @Test
  void nobodySignedInWithinARequestIsAnonymous() {
    inRequest();

    assertThat(CurrentActor.name()).isEqualTo(CurrentActor.ANONYMOUS);
    assertThat(CurrentActor.role()).isNull();
  }

  @Test
  void theAnonymousTokenIsNobodyWhateverItsName() {
    signIn(
        new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

    assertThat(CurrentActor.name()).isEqualTo(CurrentActor.SYSTEM);
    inRequest();
    assertThat(CurrentActor.name()).isEqualTo(CurrentActor.ANONYMOUS);
    assertThat(CurrentActor.role()).isNull();
  }

  @Test
  void aNameNotYetAuthenticatedIsNobody() {
    // A login attempt in progress carries the typed name: it acts for nobody until it succeeds.
    signIn(UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess"));

    assertThat(CurrentActor.name()).isEqualTo(CurrentActor.SYSTEM);
    inRequest();
    assertThat(CurrentActor.name()).isEqualTo(CurrentActor.ANONYMOUS);
  }

  private static void signIn(Authentication authentication) {
    SecurityContextHolder.getContext().setAuthentication(authentication);
  }

  private static void inRequest() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
  }
}
