package com.smsportal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import isolationprobe.IsolationProbe;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A row of tenant A is invisible from tenant B's context, however it is asked for. */
@DataJpaTest(
    properties = {
      "spring.test.database.replace=none",
      "spring.datasource.url=jdbc:h2:mem:isolation;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
      "spring.flyway.locations=classpath:db/migration,classpath:db/isolation-probe"
    })
@Import({TenantIdentifierResolver.class, TenantIsolationTests.Scan.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TenantIsolationTests {

  @TestConfiguration
  @EntityScan(basePackages = {"com.smsportal", "isolationprobe"})
  static class Scan {}

  @Autowired EntityManagerFactory emf;

  long acmeRow;
  long globexRow;

  @BeforeEach
  void oneRowPerTenant() {
    acmeRow = as(1L, em -> persist(em, new IsolationProbe("acme's secret")));
    globexRow = as(2L, em -> persist(em, new IsolationProbe("globex's secret")));
  }

  @Test
  void aRowOfAnotherTenantIsNotFoundById() {
    assertThat(findAs(2L, acmeRow)).isNull();
    assertThat(findAs(1L, acmeRow)).isNotNull();
  }

  @Test
  void queriesSeeOnlyTheCurrentTenantsRows() {
    List<String> seenByGlobex = as(2L, TenantIsolationTests::allSecrets);
    assertThat(seenByGlobex).contains("globex's secret").doesNotContain("acme's secret");
  }

  @Test
  void theTenantOfANewRowComesFromTheContextNotFromTheCaller() {
    IsolationProbe stored = findAs(1L, acmeRow);
    assertThat(stored.getTenantId()).isEqualTo(1L);
  }

  @Test
  void theLoggedInCustomersTenantIsTheContextAndAnonymousSeesNothing() {
    try {
      SecurityContextHolder.getContext().setAuthentication(customerOf(2L));
      assertThat(find(acmeRow)).isNull();
      assertThat(find(globexRow)).isNotNull();
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(read(TenantIsolationTests::allSecrets)).isEmpty();
  }

  @Test
  void theOperatorsContextSeesEveryTenant() {
    List<String> all = as(TenantContext.ALL_TENANTS, TenantIsolationTests::allSecrets);
    assertThat(all).contains("acme's secret", "globex's secret");
  }

  @Test
  void theOperatorsContextKeepsAnExplicitlyChosenTenant() {
    long row =
        as(TenantContext.ALL_TENANTS, em -> persist(em, IsolationProbe.forTenant(2L, "chosen")));
    assertThat(findAs(2L, row)).isNotNull();
    assertThat(findAs(1L, row)).isNull();
  }

  @Test
  void aCustomersContextRefusesAnExplicitlyChosenOtherTenant() {
    Throwable refused =
        catchThrowable(() -> as(1L, em -> persist(em, IsolationProbe.forTenant(2L, "smuggled"))));
    assertThat(refused).isNotNull();
    assertThat(as(2L, TenantIsolationTests::allSecrets)).doesNotContain("smuggled");
  }

  private IsolationProbe findAs(long tenant, long id) {
    return TenantContext.callAs(tenant, () -> find(id));
  }

  private IsolationProbe find(long id) {
    return read(em -> em.find(IsolationProbe.class, id));
  }

  private static List<String> allSecrets(EntityManager em) {
    return em.createQuery("select p.secret from IsolationProbe p", String.class).getResultList();
  }

  private static long persist(EntityManager em, IsolationProbe probe) {
    em.persist(probe);
    return probe.getId();
  }

  private <T> T as(long tenant, Function<EntityManager, T> work) {
    return TenantContext.callAs(tenant, () -> read(work));
  }

  /** A fresh session, so that Hibernate asks for the tenant anew, in its own transaction. */
  private <T> T read(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      em.close();
    }
  }

  private static TestingAuthenticationToken customerOf(long tenantId) {
    TenantScopedPrincipal principal = () -> tenantId;
    TestingAuthenticationToken token =
        new TestingAuthenticationToken(principal, null, "ROLE_TENANT_ADMIN");
    token.setAuthenticated(true);
    return token;
  }
}
