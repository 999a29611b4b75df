package com.smsportal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts a portal on the database its shipped configuration names (the demo's H2 file in its data
 * directory), not on the test run's shared one that the build passes as system properties.
 */
public final class ShippedDatabase {

  private static final String[] RUN_SETTINGS = {
    "spring.datasource.url", "spring.datasource.username", "spring.datasource.password"
  };

  private ShippedDatabase() {}

  /** Runs the start with the run's database settings set aside, and puts them back after. */
  public static synchronized <T> T run(Supplier<T> start) {
    Map<String, String> kept = new HashMap<>();
    for (String name : RUN_SETTINGS) {
      String value = System.clearProperty(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    try {
      return start.get();
    } finally {
      kept.forEach(System::setProperty);
    }
  }
}
