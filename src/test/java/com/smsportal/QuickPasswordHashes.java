package com.smsportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test contexts hash new passwords at bcrypt's lowest cost (4) instead of the shipped 10: the
 * same {@code {bcrypt}$2a$} hashes, checked by the shipped encoder, at 1.5 ms a hash instead of 80.
 * The shipped cost made every sign-in, demo seed and new user of the tests a hash of 80 ms of CPU:
 * about half of the integration tests' own CPU (a profile of the H2 run, the crash tests left out:
 * 54% of its samples in {@code BCrypt}), spent again in the MariaDB run.
 *
 * <p>Registered for every test context in {@code META-INF/spring.factories}. A class whose proof
 * needs the check to take as long as it does in the shipped portal (concurrent sign-ins that must
 * overlap the check) is annotated {@link ShippedCost} and keeps the shipped encoder, or stores its
 * user's hash at the shipped cost ({@link #shippedHash}). The portals the tests start with {@code
 * SpringApplication} or as the built jar always hash as shipped.
 */
public final class QuickPasswordHashes implements ContextCustomizerFactory {

  /** The password's hash as the shipped portal makes it: its check takes as long as there. */
  public static String shippedHash(String password) {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
  }

  /** This class's context hashes passwords as the shipped portal does (cost 10). */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  public @interface ShippedCost {}

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return AnnotatedElementUtils.hasAnnotation(testClass, ShippedCost.class)
        ? null
        : new Customizer();
  }

  /** Puts the quick hashes in front of the context's password encoder. */
  private static final class Customizer implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      context.getBeanFactory().addBeanPostProcessor(new Wrapping());
    }

    // One configuration for every context: it must not tell the context cache they differ.
    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }

  private static final class Wrapping implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      return bean instanceof PasswordEncoder shipped && !(bean instanceof Encoder)
          ? new Encoder(shipped)
          : bean;
    }
  }

  /** New hashes at cost 4 in the shipped format; every check and upgrade as shipped. */
  private static final class Encoder implements PasswordEncoder {

    private final PasswordEncoder shipped;
    private final PasswordEncoder quick = new BCryptPasswordEncoder(4);

    Encoder(PasswordEncoder shipped) {
      this.shipped = shipped;
    }

    @Override
    public String encode(CharSequence rawPassword) {
      return "{bcrypt}" + quick.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      return shipped.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
      return shipped.upgradeEncoding(encodedPassword);
    }
  }
}
