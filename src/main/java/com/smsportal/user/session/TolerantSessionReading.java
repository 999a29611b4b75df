package com.smsportal.user.session;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How the session store turns a session's attributes into bytes and back: Java serialization, as
 * Spring Session does by default, except that an attribute it can no longer read counts as absent
 * instead of failing the request. A session written by another version of the portal (an upgrade
 * that moved or changed a class kept in sessions, or an older node of a cluster during a rolling
 * upgrade) then simply lacks what it cannot give: without its security context its user is signed
 * out and signs in again, rather than meeting an error page until the session expires.
 */
final class TolerantSessionReading {

  private static final Logger log = LoggerFactory.getLogger(TolerantSessionReading.class);

  private TolerantSessionReading() {}

  /** The conversions for the session repository, classes resolved by {@code classLoader}. */
  static GenericConversionService conversions(ClassLoader classLoader) {
    GenericConversionService conversions = new GenericConversionService();
    conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
    DeserializingConverter reading = new DeserializingConverter(classLoader);
    AtomicBoolean told = new AtomicBoolean();
    conversions.addConverter(
        byte[].class,
        Object.class,
        bytes -> {
          try {
            return reading.convert(bytes);
          } catch (SerializationFailedException unreadable) {
            // Once per node: the cause (a class name) says which version wrote it; never the bytes.
            if (told.compareAndSet(false, true)) {
              log.warn(
                  "A stored session attribute could not be read and is treated as absent (written by"
                      + " another version of the portal?); its user signs in again: {}",
                  String.valueOf(unreadable.getMostSpecificCause()));
            }
            return null;
          }
        });
    return conversions;
  }
}
