package com.smsportal.web;

import com.smsportal.node.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the operator, once the portal is up, where it is and where its data lives. */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Environment environment;
  private final DataDirectory dataDir;

  StartupReport(Environment environment, DataDirectory dataDir) {
    this.environment = environment;
    this.dataDir = dataDir;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    String url = environment.getProperty("spring.datasource.url", "");
    String port = environment.getProperty("local.server.port", "8080");
    log.info("SMS Portal is ready at http://localhost:{}/", port);
    if (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:retry:file:")) {
      log.info(
          "Database: embedded H2 file in {} (set SMSPORTAL_DATA_DIR to move it)",
          dataDir.path().toAbsolutePath().normalize());
    } else {
      log.info("Database: {}", withoutQuery(url));
    }
  }

  /** The JDBC URL without its query string, where a password could hide. */
  static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
