package com.smsportal.sending.compose;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.message.Placeholders;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendAllowance;
import com.smsportal.sending.SendRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The check of a personalised compose form (issue 24): content with placeholders, recipients from a
 * spreadsheet whose columns fill them. Refuses a bad placeholder with its position, a placeholder
 * without a column by its name, a missing value (when the user chose to refuse) with the count and
 * the first lines; otherwise renders every row ({@link Personalisation}) and says what the send
 * will be: recipients, distinct texts, segments, cost, gateway calls and the time they take at the
 * account's rate. Changes nothing.
 *
 * <p>Another source of rows (a tenant's contact groups) or of the text (a template by id) plugs in
 * at {@link #review(String, PersonalSource, Personalisation.Missing, GatewayAccountView,
 * FormErrors)}: it takes any text and any {@link PersonalSource}.
 */
@Service
class PersonalReview {

  /**
   * What the confirmation page shows of a personalised send.
   *
   * @param calls the gateway's send calls: per distinct text, its numbers in chunks
   * @param seconds the calls' time at the account's rate ({@code smsportal.sending.submits-per-
   *     second}), rounded up
   */
  record Personal(Personalisation.Rendered rendered, long calls, long seconds, String missing) {}

  /** The field a program's rows are objected to under (the HTTP API's body, issue 25). */
  static final String RECIPIENTS = "recipients";

  private final OptOuts optOuts;
  private final Compose compose;
  private final ComposeSources sources;
  private final int submitsPerSecond;

  PersonalReview(
      OptOuts optOuts,
      Compose compose,
      ComposeSources sources,
      @Value("${smsportal.sending.submits-per-second:5}") int submitsPerSecond) {
    this.optOuts = optOuts;
    this.compose = compose;
    this.sources = sources;
    this.submitsPerSecond = Math.max(1, submitsPerSecond);
  }

  /** Whether the content asks for a personalised send: it has a placeholder, well formed or not. */
  static boolean personalised(String content) {
    return content != null && content.contains("${");
  }

  /**
   * Reads the spreadsheet or the contact groups (the numbers' field refused if there is neither, or
   * both) and reviews the rows.
   */
  Personal review(
      String content,
      MultipartFile file,
      String mobiles,
      List<Long> groups,
      String missing,
      GatewayAccountView account,
      FormErrors errors)
      throws IOException {
    return review(content, file, null, mobiles, groups, missing, account, errors);
  }

  /**
   * The same with the rows a program gave ({@code rows}, the HTTP API's recipients, issue 25) as
   * the source when not null; their objections go to the field {@code recipients}.
   */
  Personal review(
      String content,
      MultipartFile file,
      PersonalSource rows,
      String mobiles,
      List<Long> groups,
      String missing,
      GatewayAccountView account,
      FormErrors errors)
      throws IOException {
    Placeholders.Parsed template = template(content, errors);
    if (mobiles != null && !mobiles.isBlank()) {
      errors.add("mobiles", "send.error.personalNoPasted", null);
    }
    if (rows != null) {
      return template == null
          ? null
          : review(
              template, rows, Personalisation.Missing.of(missing), account, RECIPIENTS, errors);
    }
    boolean sheet = file != null && !file.isEmpty();
    if (!groups.isEmpty()) {
      if (sheet) {
        errors.add("file", "send.error.personalOneSource", null);
        return null;
      }
      if (errors.has("groupId") || template == null) {
        return null;
      }
      return review(
          template,
          sources.groupSource(groups),
          Personalisation.Missing.of(missing),
          account,
          "groupId",
          errors);
    }
    if (!sheet) {
      errors.add("file", "send.error.personalNeedsSheet", null);
      return null;
    }
    PersonalSource source;
    try {
      source = SheetSource.of(file.getOriginalFilename(), file.getBytes());
    } catch (NumberFile.Refused refused) {
      errors.add("file", refused.messageKey(), refused.argument());
      return null;
    }
    return template == null
        ? null
        : review(template, source, Personalisation.Missing.of(missing), account, "file", errors);
  }

  /** The content's placeholders, or null with its fault next to the content. */
  static Placeholders.Parsed template(String content, FormErrors errors) {
    Placeholders.Reading reading = Placeholders.read(content);
    if (!reading.ok()) {
      Placeholders.Fault fault = reading.fault();
      errors.add("content", "send." + fault.key(), fault.position(), fault.detail());
      return null;
    }
    return reading.parsed();
  }

  /** Any text with any source of rows: renders and checks them (the sources' meeting point). */
  Personal review(
      Placeholders.Parsed template,
      PersonalSource source,
      Personalisation.Missing missing,
      GatewayAccountView account,
      String field,
      FormErrors errors) {
    List<String> unknown = Personalisation.unknown(template, source);
    if (!unknown.isEmpty()) {
      errors.add("content", "send.error.unknownPlaceholder", String.join("、", unknown));
      return null;
    }
    Personalisation.Rendered rendered;
    try {
      rendered = Personalisation.render(template, source, missing, optOuts::optedOut);
    } catch (UncheckedIOException unreadable) {
      errors.add(field, "send.error.fileUnreadable", null);
      return null;
    }
    if (rendered.missingCount() > 0 && missing == Personalisation.Missing.REFUSE) {
      // A group's members have no lines: their count alone (issue 24).
      errors.add(
          field,
          "file".equals(field) ? "send.error.missingValues" : "send.error.missingValuesGroup",
          rendered.missingCount(),
          lines(rendered.missingLines()));
    }
    if (rendered.rows() - rendered.invalidCount() == 0) {
      errors.add(field, SendRefusal.NO_VALID_NUMBER.messageKey(), null);
    } else if (rendered.recipients() == 0 && rendered.missingCount() < rendered.rows()) {
      errors.add(field, SendRefusal.ALL_OPTED_OUT.messageKey(), null);
    }
    limits(rendered.recipients(), field, errors);
    int chunkSize = account == null ? 1 : Math.max(1, account.chunkSize());
    long calls = rendered.calls(chunkSize);
    long seconds = (calls + submitsPerSecond - 1) / submitsPerSecond;
    return new Personal(rendered, calls, seconds, missing.formValue());
  }

  private void limits(int count, String field, FormErrors errors) {
    SendAllowance allowance = compose.allowance();
    if (allowance == null || count == 0) {
      return;
    }
    if (count > allowance.perJob()) {
      errors.add(field, SendRefusal.TOO_MANY_FOR_JOB.messageKey(), allowance.perJob());
    } else if (count > allowance.leftToday()) {
      errors.add(field, SendRefusal.DAILY_LIMIT.messageKey(), allowance.perDay());
    } else if (count > allowance.leftToQueue()) {
      errors.add(field, SendRefusal.QUEUE_LIMIT.messageKey(), allowance.queuedAtOnce());
    }
  }

  static String lines(List<Integer> lines) {
    return lines.stream().map(String::valueOf).collect(Collectors.joining("、"));
  }
}
