package com.smsportal.notifications.mail;

import com.smsportal.notifications.NotificationsProperties;
import com.smsportal.notifications.notice.NoticeText;
import com.smsportal.notifications.preference.MailSwitch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due mails, one claimed row at a time ({@link MailLedger}): the subject and
 * plain-text body in the language the recipient chose, from the notice's kind and values (no
 * password, key or webhook secret is ever among them), then marks it SENT at once.
 *
 * <p>A failed send (the server down, refusing, timing out) is tried again after {@code retry-base}
 * doubled for each attempt before (at most {@code retry-max}), up to {@code max-attempts}; the
 * round stops at the first failure, so a server that is down costs one attempt per round, not one
 * per mail. The notice itself was written long before and is on its page whatever the server does.
 *
 * <p>At most once: a row marked SENT is never claimed again, and of two nodes only the claimant
 * sends. One window remains, as in any outbox beside a server without transactions: a node that
 * dies after the server took the mail and before its mark committed leaves the row PENDING under
 * its claim, and once the claim ({@code lease-for}) expires another round sends it again (a
 * duplicate mail, never a lost one).
 */
@Component
class MailWorker {

  private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

  private final MailLedger ledger;
  private final MailSwitch mail;
  private final NoticeText text;
  private final Clock clock;
  private final NotificationsProperties properties;

  MailWorker(
      MailLedger ledger,
      MailSwitch mail,
      NoticeText text,
      Clock clock,
      NotificationsProperties properties) {
    this.ledger = ledger;
    this.mail = mail;
    this.text = text;
    this.clock = clock;
    this.properties = properties;
  }

  /** Sends what is due; returns how many mails the server took. */
  int round() {
    JavaMailSender sender = mail.sender();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    for (long id : ledger.due(clock.instant(), properties.batch())) {
      var claimed = ledger.claim(id, clock.instant());
      if (claimed.isEmpty()) {
        continue;
      }
      MailLedger.Mail mail = claimed.get();
      try {
        sender.send(message(mail));
        ledger.sent(mail.id(), clock.instant());
        sent++;
      } catch (MailException e) {
        int attempt = mail.attempts() + 1;
        Instant retryAt =
            attempt >= properties.maxAttempts() ? null : clock.instant().plus(backoff(attempt));
        String error = summary(e);
        ledger.failed(mail.id(), retryAt, error);
        // The mail's id and the server's complaint; never the address or the text.
        log.warn("Notice mail {} failed (attempt {}): {}", mail.id(), attempt, error);
        return sent;
      }
    }
    return sent;
  }

  private SimpleMailMessage message(MailLedger.Mail mail) {
    Locale locale = Locale.forLanguageTag(mail.language());
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(mail.address());
    message.setSubject(text.subject(mail.kind(), mail.params(), locale));
    String link =
        mail.link() == null
            ? ""
            : "\n\n"
                + text.message(
                    "notice.mail.open", locale, properties.portalUrl().strip() + mail.link());
    message.setText(
        text.text(mail.kind(), mail.params(), locale)
            + link
            + "\n\n-- \n"
            + text.message("notice.mail.footer", locale));
    return message;
  }

  /** The delay before attempt {@code attempt + 1}: doubled each time, capped. */
  Duration backoff(int attempt) {
    long base = properties.retryBase().toMillis();
    long max = properties.retryMax().toMillis();
    long delay = base << Math.min(Math.max(0, attempt - 1), 30);
    return Duration.ofMillis(delay <= 0 || delay > max ? max : delay);
  }

  private static String summary(MailException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String said = root.getClass().getSimpleName() + ": " + root.getMessage();
    return said.length() > 200 ? said.substring(0, 200) : said;
  }
}
