package com.smsportal.node;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.core.env.Environment;

/**
 * Where this node keeps its files ({@code smsportal.data-dir}; by default {@code ./data}, or {@code
 * SMSPORTAL_DATA_DIR}, in application.properties): the node id and its lock, the spool and landing
 * files, the demo's H2 database and key. Each node has its own; it is never shared.
 *
 * @param path the directory, as configured (relative to the working directory unless absolute)
 */
@ConfigurationProperties("smsportal")
public record DataDirectory(@Name("data-dir") Path path) {

  public DataDirectory {
    if (path == null) {
      throw new IllegalStateException("smsportal.data-dir is not set");
    }
  }

  /**
   * The same, read from the environment, for what must know it before any bean exists (the data
   * directory's permissions, set before the database opens its files there).
   */
  public static DataDirectory of(Environment environment) {
    return Binder.get(environment).bindOrCreate("smsportal", DataDirectory.class);
  }
}
