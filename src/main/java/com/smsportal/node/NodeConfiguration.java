package com.smsportal.node;

import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node id: {@code smsportal.node.id} when the operator names the node (then keeping names
 * unique is the operator's job), else the one kept in the data directory, which is locked for as
 * long as this process runs; and its heartbeat.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NodeProperties.class, DataDirectory.class})
class NodeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NodeConfiguration.class);

  /** The Logback property that holds the node id for the log pattern. */
  static final String LOG_PROPERTY = "smsportal.node";

  /** Fits the columns that record a claim ({@code VARCHAR(64)}) and reads well in a log. */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  static boolean valid(String id) {
    return VALID.matcher(id).matches();
  }

  @Bean(destroyMethod = "close")
  NodeIdentity nodeIdentity(NodeProperties properties, DataDirectory dataDir) throws IOException {
    String named = properties.named();
    NodeIdentity node;
    if (named == null) {
      NodeIdFile file = NodeIdFile.open(dataDir.path());
      node = new NodeIdentity(file.id(), file);
    } else if (valid(named)) {
      node = NodeIdentity.named(named);
    } else {
      throw new IllegalStateException(
          "smsportal.node.id must be 1 to 64 letters, digits or . _ : - (got \""
              + named.replaceAll("[^\\x20-\\x7e]", "?")
              + "\")");
    }
    showInLogs(node.id());
    log.info("This portal's node id: {}", node.id());
    return node;
  }

  @Bean
  NodeHeartbeat nodeHeartbeat(JdbcTemplate jdbc, NodeIdentity node, NodeProperties properties) {
    return new NodeHeartbeat(jdbc, node, properties.heartbeatEvery(), properties.deadAfter());
  }

  /**
   * The health check's {@code db} component: the name replaces Spring Boot's own, which only asks
   * whether a connection is valid (see {@link DatabaseHealth}).
   */
  @Bean
  DatabaseHealth dbHealthIndicator(NodeHeartbeat heartbeat) {
    return new DatabaseHealth(heartbeat);
  }

  /**
   * Puts the node id in every log line from now on: a Logback context property that {@code
   * logging.pattern.correlation} prints ({@code %property{smsportal.node}}), so that the lines of
   * several nodes gathered in one place still say whose they are.
   */
  static void showInLogs(String id) {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.putProperty(LOG_PROPERTY, id);
    }
  }
}
