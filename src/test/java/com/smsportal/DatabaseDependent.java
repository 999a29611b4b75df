package com.smsportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test whose proof depends on the database it runs on: locks and {@code SKIP
 * LOCKED}, SQL whose meaning differs between H2 and MySQL (the dialect, time columns, collations,
 * statements with several assignments), migrations, durability, concurrent transactions, the
 * constraints that make ingest and submits idempotent, and the tests of the built jar and of
 * several nodes. The build's H2 run runs every integration test; its MariaDB run (the {@code ci}
 * profile's {@code integration-mariadb} execution in {@code pom.xml}) runs only these, selected by
 * their tag {@value #TAG}.
 *
 * <p>A test that only renders pages, checks input or talks to the simulator proves the same on
 * either database and stays untagged. When in doubt, tag it: a guarantee left out of the MariaDB
 * run is not proven where the portal runs in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(DatabaseDependent.TAG)
public @interface DatabaseDependent {

  String TAG = "database";

  /** What the test proves that depends on the database. */
  String value();
}
