package com.smsportal.sending.compose;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.message.ParsedNumbers;
import com.smsportal.sending.message.PastedNumbers;
import com.smsportal.sending.message.SendRules;
import com.smsportal.templates.Signatures;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The check of a compose form before its confirmation (issue 23): reads the numbers once (pasted
 * and the file), applies de-duplication, the opt-out list and the tenant's limits, checks the
 * content, extension and time, and asks the gateway (blocked words, balance); every objection is
 * collected, so the form shows them all at once. Changes nothing.
 */
@Service
class SendReview {

  /**
   * What the check found: the objections, or what the confirmation page shows and the job is made
   * of.
   *
   * @param recipients the numbers that will be sent: valid, once each, not on the opt-out list
   * @param valid the valid numbers once each, opted-out ones included: the job is made of these, so
   *     its page lists the numbers the opt-out list held back (and a number that opts out between
   *     the confirmation and the send is still held back)
   * @param balance the prepaid balance the gateway answered, null for a postpaid account
   * @param content the text the job is made of: the chosen template's, else as typed (issue 24)
   * @param held recipients that have reached a flood limit per number (issue 26): the job will hold
   *     them back
   */
  record Reviewed(
      FormErrors errors,
      ComposeAnalysis analysis,
      List<String> recipients,
      List<String> valid,
      Instant sendTime,
      GatewayAccountView account,
      Long balance,
      PersonalReview.Personal personal,
      String content,
      Set<String> held) {

    /** Recipients held back at a flood limit per number. */
    public int limited() {
      return held.size();
    }

    /** The numbers the job will send to: the recipients less those held back. */
    public int sendCount() {
      return recipients.size() - held.size();
    }

    /** The segments the job's messages will be billed: those held back are not sent. */
    public long billed() {
      if (personal == null) {
        return analysis.cost() - (long) analysis.segments().segments() * held.size();
      }
      long billed = personal.rendered().totalSegments();
      for (var text : personal.rendered().texts()) {
        long left = text.mobiles().stream().filter(held::contains).count();
        billed -= left * com.smsportal.message.MessageSegments.count(text.content()).segments();
      }
      return billed;
    }

    /** Whether each recipient gets their own text (issue 24). */
    public boolean personalised() {
      return personal != null;
    }
  }

  private final Compose compose;
  private final OptOuts optOuts;
  private final SendPreflight preflight;
  private final ComposeProperties properties;
  private final Signatures signatures;
  private final Clock clock;
  private final PersonalReview personalReview;
  private final ComposeSources sources;
  private final RecipientLimits recipientLimits;

  SendReview(
      Compose compose,
      OptOuts optOuts,
      SendPreflight preflight,
      ComposeProperties properties,
      Signatures signatures,
      Clock clock,
      PersonalReview personalReview,
      ComposeSources sources,
      RecipientLimits recipientLimits) {
    this.recipientLimits = recipientLimits;
    this.personalReview = personalReview;
    this.sources = sources;
    this.compose = compose;
    this.optOuts = optOuts;
    this.preflight = preflight;
    this.properties = properties;
    this.signatures = signatures;
    this.clock = clock;
  }

  Reviewed review(ComposeForm typed, MultipartFile file) throws IOException {
    return review(typed, file, null);
  }

  /** With the recipients a program gave ({@code rows}, issue 25) instead of a file, if not null. */
  Reviewed review(ComposeForm typed, MultipartFile file, PersonalSource rows) throws IOException {
    FormErrors errors = new FormErrors();
    ComposeForm form = sources.resolve(typed, errors);
    if (PersonalReview.personalised(form.content())) {
      return personal(form, file, rows, errors);
    }
    String mobiles = form.mobiles() == null ? "" : form.mobiles();
    if (rows != null) {
      StringBuilder given = new StringBuilder(mobiles);
      rows.rows(r -> given.append('\n').append(r.mobile()));
      mobiles = given.toString();
    }
    if (file != null && !file.isEmpty()) {
      mobiles = mobiles + "\n" + NumberFile.upload(file, errors);
    }
    Instant sendTime = sendTime(form.sendTime(), errors);
    Optional<GatewayAccountView> account = account(form, errors);
    ParsedNumbers numbers = PastedNumbers.parse(mobiles);
    Set<String> listed = numbers.valid().isEmpty() ? Set.of() : optOuts.optedOut(numbers.valid());
    List<String> recipients =
        listed.isEmpty()
            ? numbers.valid()
            : numbers.valid().stream().filter(m -> !listed.contains(m)).toList();
    String content = form.content() == null ? "" : form.content();
    ComposeAnalysis analysis =
        ComposeAnalysis.of(
            numbers, listed, content, account.map(GatewayAccountView::charset).orElse(null));
    recipientLimits.numberErrors(analysis, errors);
    contentErrors(content, analysis, errors);
    if (account.isPresent() && !content.isBlank()) {
      // The tenant's approved signatures, named (issue 24); JobStore refuses it again on submit.
      signatures
          .required(account.get().tenantId(), content)
          .ifPresent(r -> errors.add("content", "send.error.unsigned", r.allowedList()));
    }
    extnoErrors(form, account, errors);
    Long balance = null;
    if (account.isPresent() && !errors.has("content") && !recipients.isEmpty()) {
      SendPreflight.Verdict verdict =
          preflight.verdict(account.get().id(), content, analysis.cost());
      verdict.objections().forEach(o -> errors.add(o.field(), o.messageKey(), o.argument()));
      balance = verdict.balance();
    }
    return new Reviewed(
        errors,
        analysis,
        recipients,
        numbers.valid(),
        sendTime,
        account.orElse(null),
        balance,
        null,
        content,
        recipientLimits.limited(account, recipients, sendTime, "mobiles", errors));
  }

  /**
   * A form whose content has placeholders (issue 24): the spreadsheet's rows rendered, checked as
   * any send (account, time, extension, each text's length and charset, blocked words of the text,
   * the cost of every message against the balance).
   */
  private Reviewed personal(
      ComposeForm form, MultipartFile file, PersonalSource rows, FormErrors errors)
      throws IOException {
    Instant sendTime = sendTime(form.sendTime(), errors);
    Optional<GatewayAccountView> account = account(form, errors);
    String content = form.content();
    PersonalReview.Personal personal =
        personalReview.review(
            content,
            file,
            rows,
            form.mobiles(),
            form.groups(),
            form.missing(),
            account.orElse(null),
            errors);
    ComposeAnalysis analysis =
        ComposeAnalysis.of(
            new ParsedNumbers(List.of(), List.of(), 0),
            Set.of(),
            content,
            account.map(GatewayAccountView::charset).orElse(null));
    contentErrors(content, analysis, errors);
    extnoErrors(form, account, errors);
    List<String> recipients = personal == null ? List.of() : personal.rendered().mobiles();
    if (personal != null && account.isPresent() && !errors.has("content")) {
      // Every rendered text must start with one of the tenant's approved signatures (issue 24).
      List<String> approved = signatures.approvedTexts(account.get().tenantId());
      if (!approved.isEmpty()
          && personal.rendered().texts().stream()
              .anyMatch(t -> approved.stream().noneMatch(t.content()::startsWith))) {
        errors.add("content", "send.error.unsigned", String.join("、", approved));
      }
    }
    if (personal != null) {
      for (var text : personal.rendered().texts()) {
        if (text.content().codePointCount(0, text.content().length()) > properties.maxLength()) {
          errors.add("content", "send.error.renderedOverCap", properties.maxLength());
          break;
        }
      }
    }
    Long balance = null;
    if (personal != null && account.isPresent() && !errors.any()) {
      SendPreflight.Verdict verdict =
          preflight.verdict(account.get().id(), content, personal.rendered().totalSegments());
      // The numbers are the spreadsheet's or the groups': the balance's objection goes there.
      String sourceField =
          rows != null ? PersonalReview.RECIPIENTS : form.groups().isEmpty() ? "file" : "groupId";
      verdict
          .objections()
          .forEach(
              o ->
                  errors.add(
                      "mobiles".equals(o.field()) ? sourceField : o.field(),
                      o.messageKey(),
                      o.argument()));
      balance = verdict.balance();
    }
    return new Reviewed(
        errors,
        analysis,
        recipients,
        recipients,
        sendTime,
        account.orElse(null),
        balance,
        personal,
        content,
        recipientLimits.limited(
            account,
            recipients,
            sendTime,
            rows != null ? PersonalReview.RECIPIENTS : form.groups().isEmpty() ? "file" : "groupId",
            errors));
  }

  private Optional<GatewayAccountView> account(ComposeForm form, FormErrors errors) {
    Optional<GatewayAccountView> account =
        compose.accounts().stream()
            .filter(a -> form.accountId() != null && a.id() == form.accountId())
            .findFirst();
    if (account.isEmpty()) {
      errors.add("account", SendRefusal.NO_SUCH_ACCOUNT.messageKey(), null);
    }
    return account;
  }

  private void extnoErrors(
      ComposeForm form, Optional<GatewayAccountView> account, FormErrors errors) {
    String extno = form.extno() == null ? "" : form.extno().strip();
    if (!extno.isEmpty() && !SendRules.EXTNO.matcher(extno).matches()) {
      errors.add("extno", SendRefusal.BAD_EXTNO.messageKey(), null);
    } else if (!extno.isEmpty() && account.isPresent() && !account.get().extnoSupported()) {
      errors.add("extno", SendRefusal.EXTNO_NOT_SUPPORTED.messageKey(), null);
    }
  }

  private Instant sendTime(String value, FormErrors errors) {
    try {
      Instant time = SendRules.sendTime(value);
      if (time != null && !time.isAfter(clock.instant())) {
        errors.add("sendTime", SendRefusal.SEND_TIME_PAST.messageKey(), null);
      }
      return time;
    } catch (DateTimeParseException badTime) {
      errors.add("sendTime", "send.error.sendTime", null);
      return null;
    }
  }

  private void contentErrors(String content, ComposeAnalysis analysis, FormErrors errors) {
    if (content.isBlank()) {
      errors.add("content", SendRefusal.EMPTY_CONTENT.messageKey(), null);
    } else if (analysis.characters() > properties.maxLength()) {
      errors.add(
          "content", "send.error.contentOverCap", properties.maxLength(), analysis.characters());
    }
    if (!analysis.notCarried().isEmpty()) {
      errors.add("content", "send.error.notCarried", String.join("、", analysis.notCarried()));
    }
  }
}
