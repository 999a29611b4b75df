package com.smsportal.sending.compose;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.sending.PersonalOrder;
import com.smsportal.sending.RequestedSends;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * {@link RequestedSends} by the compose page's own steps: the request becomes a {@link ComposeForm}
 * (a template's recipients a {@link PersonalSource}), {@link SendReview} checks it, and the submit
 * stores what the review read exactly as the confirm of {@link SendController} does.
 */
@Service
class RequestedSendReview implements RequestedSends {

  private final SendReview review;
  private final SendJobs jobs;
  private final Compose compose;

  RequestedSendReview(SendReview review, SendJobs jobs, Compose compose) {
    this.review = review;
    this.jobs = jobs;
    this.compose = compose;
  }

  @Override
  public Outcome check(SendRequest request) {
    return reviewed(request).outcome(null, false);
  }

  @Override
  public Outcome submit(SendRequest request) {
    Checked checked = reviewed(request);
    if (!checked.objections().isEmpty()) {
      return checked.outcome(null, false);
    }
    SendReview.Reviewed r = checked.reviewed();
    String extno = request.extno() == null ? "" : request.extno().strip();
    SubmitResult result =
        r.personalised()
            ? jobs.submitPersonal(
                new PersonalOrder(
                    r.account().id(),
                    r.content(),
                    r.personal().rendered().texts(),
                    r.sendTime(),
                    extno,
                    request.idempotencyKey()))
            : jobs.submit(
                SendOrder.of(
                    r.account().id(),
                    r.valid(),
                    r.content(),
                    r.sendTime(),
                    extno,
                    request.idempotencyKey()));
    if (!result.accepted()) {
      String field = result.refusal().field();
      List<Objection> refused =
          List.of(
              new Objection(
                  apiField(r.personalised() && "mobiles".equals(field) ? "file" : field),
                  result.refusal().messageKey(),
                  result.limit() == null ? List.of() : List.of(result.limit())));
      return new Outcome(refused, checked.summary(), null, false);
    }
    return checked.outcome(result.jobId(), result.repeated());
  }

  private record Checked(
      SendReview.Reviewed reviewed, List<Objection> objections, Summary summary) {

    Outcome outcome(Long jobId, boolean repeated) {
      return new Outcome(objections, summary, jobId, repeated);
    }
  }

  private Checked reviewed(SendRequest request) {
    Long accountId = request.accountId();
    if (accountId == null) {
      List<GatewayAccountView> accounts = compose.accounts();
      accountId = accounts.size() == 1 ? accounts.get(0).id() : null;
    }
    String mobiles = request.mobiles() == null ? "" : String.join("\n", request.mobiles());
    ComposeForm form =
        new ComposeForm(
            accountId,
            mobiles,
            request.content(),
            request.sendTime(),
            request.extno(),
            request.idempotencyKey(),
            "refuse",
            request.templateId(),
            null);
    SendReview.Reviewed reviewed;
    try {
      reviewed = review.review(form, null, rows(request.recipients()));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    List<Objection> objections = new ArrayList<>();
    for (String field : FIELDS) {
      for (FormErrors.FieldError e : reviewed.errors().of(field)) {
        if ("account".equals(field) && request.accountId() == null) {
          // No account named, and the tenant has none or several: say which it must do.
          objections.add(new Objection("accountId", "send.error.accountRequired", List.of()));
          continue;
        }
        objections.add(
            new Objection(
                apiField(field),
                e.messageKey(),
                Arrays.asList(e.argument(), e.second()).stream()
                    .filter(Objects::nonNull)
                    .toList()));
      }
    }
    return new Checked(reviewed, objections, summary(reviewed));
  }

  /** The form's fields the review may object to, in the order of the request's fields. */
  private static final List<String> FIELDS =
      List.of(
          "account",
          "templateId",
          "mobiles",
          "file",
          "groupId",
          PersonalReview.RECIPIENTS,
          "content",
          "sendTime",
          "extno");

  /** The compose form's field as the API's body names it. */
  private static String apiField(String field) {
    return switch (field) {
      case "account" -> "accountId";
      case "file", "groupId" -> PersonalReview.RECIPIENTS;
      default -> field;
    };
  }

  private static Summary summary(SendReview.Reviewed r) {
    if (r.account() == null) {
      return null;
    }
    int chunk = Math.max(1, r.account().chunkSize());
    if (r.personalised()) {
      Personalisation.Rendered p = r.personal().rendered();
      return new Summary(
          r.account().id(),
          r.sendCount(),
          p.invalidCount(),
          p.duplicates(),
          p.optedOutCount(),
          p.texts().size(),
          r.billed(),
          r.personal().calls(),
          r.balance(),
          r.sendTime(),
          ComposeAnalysis.signature(r.content()),
          r.limited());
    }
    ComposeAnalysis a = r.analysis();
    return new Summary(
        r.account().id(),
        r.sendCount(),
        a.invalidCount(),
        a.duplicatesDropped(),
        a.optedOutCount(),
        1,
        r.billed(),
        (r.sendCount() + chunk - 1) / chunk,
        r.balance(),
        r.sendTime(),
        ComposeAnalysis.signature(r.content()),
        r.limited());
  }

  /** A template send's recipients as the rows of a personalised send; null when there are none. */
  private static PersonalSource rows(List<Recipient> recipients) {
    if (recipients == null) {
      return null;
    }
    Set<String> columns = new LinkedHashSet<>(List.of("mobile"));
    recipients.stream()
        .filter(Objects::nonNull)
        .forEach(r -> columns.addAll(r.values() == null ? Set.of() : r.values().keySet()));
    return new PersonalSource() {
      @Override
      public Set<String> columns() {
        return columns;
      }

      @Override
      public void rows(Consumer<RecipientRow> each) {
        int line = 0;
        for (Recipient r : recipients) {
          line++;
          if (r != null) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            if (r.values() != null) {
              r.values().forEach((k, v) -> values.put(k, v == null ? "" : v));
            }
            values.putIfAbsent("mobile", r.mobile() == null ? "" : r.mobile());
            each.accept(new RecipientRow(line, r.mobile() == null ? "" : r.mobile(), values));
          }
        }
      }
    };
  }
}
