package com.smsportal.polling;

import com.smsportal.node.NodeIdentity;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poller's settings, its spool and landing place on disk, and its locks ({@link PollLocks}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollerProperties.class)
class PollerConfiguration {

  @Bean
  Spool pollerSpool(PollerProperties properties) {
    return new Spool(properties.spoolDir());
  }

  @Bean(destroyMethod = "close")
  Landing pollerLanding(PollerProperties properties, Clock clock) {
    Path dir = properties.landingDir();
    return new Landing(dir != null ? dir : properties.spoolDir().resolveSibling("landing"), clock);
  }

  @Bean(destroyMethod = "close")
  PollLocks pollLocks(DataSource dataSource, NodeIdentity node, PollerProperties properties) {
    return new PollLocks(dataSource, node, properties.lockAtMostFor());
  }

  @Bean
  LockingTaskExecutor pollerLocks(PollLocks pollLocks) {
    return pollLocks.executor();
  }
}
