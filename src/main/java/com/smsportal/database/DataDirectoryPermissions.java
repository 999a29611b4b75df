package com.smsportal.database;

import com.smsportal.node.DataDirectory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data directory ({@code smsportal.data-dir}: the H2 database of the demo, the spool, the node
 * id, the demo's key) is the portal user's alone: the directory is made (or made again) 0700 before
 * the database opens its files there, and at start-up every file in it 0600 and every directory
 * 0700. Files made later inherit the process's umask but sit in a directory nobody else may enter.
 * Not on a file system without POSIX permissions, and a directory the portal does not own is left
 * as it is, with a warning.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectoryPermissions {

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final Logger log = LoggerFactory.getLogger(DataDirectoryPermissions.class);

  /** Before the first connection: the database's files are made in a closed directory. */
  @Bean
  static BeanPostProcessor privateDataDirectoryBeforeTheDatabase(Environment environment) {
    AtomicBoolean done = new AtomicBoolean();
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof DataSource && done.compareAndSet(false, true)) {
          closeDirectory(dataDir(environment));
        }
        return bean;
      }
    };
  }

  /** Once started: the files the database (and everything else) made there, owner-only. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> privateDataFiles(Environment environment) {
    return event -> closeAll(dataDir(environment));
  }

  static Path dataDir(Environment environment) {
    return DataDirectory.of(environment).path();
  }

  static void closeDirectory(Path dir) {
    if (!posix()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, DIRECTORY);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      log.warn("Could not make the data directory {} private (0700): {}", dir, e.toString());
    }
  }

  static void closeAll(Path dir) {
    if (!posix() || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(path -> !Files.isSymbolicLink(path))
          .forEach(
              path -> {
                try {
                  Files.setPosixFilePermissions(
                      path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                  log.warn("Could not make {} private: {}", path, e.toString());
                }
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      log.warn("Could not make the files of {} private: {}", dir, e.toString());
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
