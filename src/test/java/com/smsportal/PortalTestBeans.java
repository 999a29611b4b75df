package com.smsportal;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the classes of {@link PortalIntegrationTest} may need of their one context, so that none of
 * them needs a context of its own: a clock to move, and the count of the statements each thread
 * sends to the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PortalTestBeans {

  /** The name under which {@code net.ttddyy.dsproxy.QueryCountHolder} counts the statements. */
  public static final String COUNTED = "portal";

  /** The context's clock: the system's, until a test moves it or stops it (then resets it). */
  @Bean
  @Primary
  MutableClock testClock() {
    return MutableClock.running();
  }

  /**
   * A counting proxy around the application's data source: each thread's statements (MockMvc runs
   * in the test's), read by {@link ListPageStatementsIntegrationTests}; nothing else notices it.
   */
  @Bean
  static BeanPostProcessor countStatements() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)
            ? ProxyDataSourceBuilder.create(COUNTED, ds).countQuery().build()
            : bean;
      }
    };
  }
}
