package com.smsportal.notifications.preference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether this portal mails at all: Spring Boot makes a mail sender only when {@code
 * spring.mail.host} is set. Without one no mail is written to the outbox and the preferences page
 * says mail is off.
 */
@Component
public class MailSwitch {

  private final ObjectProvider<JavaMailSender> sender;

  MailSwitch(ObjectProvider<JavaMailSender> sender) {
    this.sender = sender;
  }

  public boolean on() {
    return sender.getIfAvailable() != null;
  }

  /** The sender, or null when mail is off. */
  public JavaMailSender sender() {
    return sender.getIfAvailable();
  }
}
