package com.smsportal.user.session;

import com.smsportal.node.NodeIdentity;
import com.smsportal.secrets.PortalSecrets;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions are kept in the database by Spring Session JDBC (Boot's auto-configuration, tables by
 * Flyway V27); this configures what Boot's defaults get wrong for this portal, and adds what a
 * cluster needs besides.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@EnableConfigurationProperties(SessionProperties.class)
class SessionStoreConfig {

  /**
   * Spring Session's reads and writes in transactions of their own on plain JDBC, as Spring Session
   * would make them (REQUIRES_NEW) but not with the JPA transaction manager: opening a JPA
   * transaction asks Hibernate for the tenant of the signed-in user, whose security context is in
   * the session being read, and so on without end. (Found by name by Spring Session.)
   */
  @Bean
  TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
    TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // Not a TransactionTemplate to the outside, so that nothing else is ever given this one.
    return template::execute;
  }

  /**
   * The application's {@code TransactionTemplate} (JPA), as Boot makes it: Boot's own steps back as
   * soon as any {@code TransactionOperations} exists, such as the one above.
   */
  @Bean
  @Primary
  TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
    return new TransactionTemplate(transactions);
  }

  /**
   * A session attribute that this version cannot read (its class moved or changed since another
   * version wrote it) is absent rather than an error ({@link TolerantSessionReading}).
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> tolerantSessionReading() {
    return repository ->
        repository.setConversionService(
            TolerantSessionReading.conversions(SessionStoreConfig.class.getClassLoader()));
  }

  /**
   * The store every session goes through (the request filter, ending a user's sessions): Boot's
   * JDBC repository, with the last access written at most once a minute ({@link RareAccessWrites}).
   */
  @Bean
  static BeanPostProcessor rareAccessWrites() {
    // A post-processor: Boot makes its JDBC repository only while no other session repository
    // exists, and configures it; this wraps what it made.
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof JdbcIndexedSessionRepository jdbc
            ? new RareAccessWrites(jdbc)
            : bean;
      }
    };
  }

  /**
   * Marks where each request begins and ends for the session store, so that it reads a session it
   * saved in the same request only once ({@link RareAccessWrites#findById}). A listener (Boot
   * registers it with the container): the container calls it around every dispatch, on the
   * dispatch's thread, before and after all filters.
   */
  @Bean
  ServletRequestListener sessionSavesOfEachRequest() {
    return new ServletRequestListener() {
      @Override
      public void requestInitialized(ServletRequestEvent event) {
        RareAccessWrites.requestStarts();
      }

      @Override
      public void requestDestroyed(ServletRequestEvent event) {
        RareAccessWrites.requestEnds();
      }
    };
  }

  /**
   * Binds Boot's {@code SESSION} cookie (configured by {@code server.servlet.session.cookie.*}) to
   * a key the database does not hold ({@link SignedSessionCookies}). A post-processor, so that
   * Boot's own serializer with all its settings stays the one that writes the cookie; the key is
   * looked up on first use.
   */
  @Bean
  static BeanPostProcessor signedSessionCookies(ObjectProvider<PortalSecrets> secrets) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof CookieSerializer cookies && !(bean instanceof SignedSessionCookies)) {
          return new SignedSessionCookies(
              cookies, () -> secrets.getObject().derivedKeys(SignedSessionCookies.PURPOSE));
        }
        return bean;
      }
    };
  }

  /**
   * Lets {@code @SchedulerLock} run a scheduled job on one node at a time ({@link SessionCleanup}):
   * ShedLock's table and the database's clock, each lock held in this node's id. The pollers take
   * their per-account locks on their own.
   */
  @Bean
  LockProvider scheduledJobLocks(DataSource dataSource, NodeIdentity node) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .withLockedByValue(node.id())
            .build());
  }
}
