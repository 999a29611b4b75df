package com.smsportal.sending.compose;

import com.smsportal.gatewayaccount.GatewayAccountView;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The live summary of a personalised compose form (issue 24), beside the form as the user types:
 * the placeholders found (or the fault, with its position), and once a spreadsheet is chosen the
 * recipients, distinct texts, segments, cost against the balance, gateway calls, the time they take
 * and three rendered samples. The same review as the submit's ({@link PersonalReview}), so the
 * summary and the confirmation agree; changes nothing.
 */
@Service
class PersonalCheck {

  /**
   * What the live summary shows.
   *
   * @param names the placeholders in order, empty when the text cannot be read
   * @param personal the spreadsheet's review, null without a file or with an objection
   * @param balance the prepaid balance the gateway answered, null if postpaid or not asked
   */
  record Summary(
      List<String> names, FormErrors errors, PersonalReview.Personal personal, Long balance) {

    /** The objections in the order the fields come: content first, then the file. */
    public List<FormErrors.FieldError> objections() {
      return java.util.stream.Stream.of("content", "file", "mobiles")
          .flatMap(f -> errors.of(f).stream())
          .toList();
    }
  }

  private final PersonalReview review;
  private final Compose compose;
  private final SendPreflight preflight;

  PersonalCheck(PersonalReview review, Compose compose, SendPreflight preflight) {
    this.review = review;
    this.compose = compose;
    this.preflight = preflight;
  }

  /** The text's placeholders alone (the form shown again: its file is not sent back). */
  Summary template(ComposeForm form) {
    FormErrors errors = new FormErrors();
    var template = PersonalReview.template(form.content(), errors);
    return new Summary(template == null ? List.of() : template.orderedNames(), errors, null, null);
  }

  /**
   * The summary of a form as {@link ComposeSources#resolve} read it ({@code errors}: what it
   * objected to, the template's or the groups').
   */
  Summary check(ComposeForm form, FormErrors errors, MultipartFile file) throws IOException {
    if ((file == null || file.isEmpty()) && form.groups().isEmpty()) {
      return template(form);
    }
    var template = PersonalReview.template(form.content(), errors);
    List<String> names = template == null ? List.of() : template.orderedNames();
    if (template == null) {
      return new Summary(names, errors, null, null);
    }
    Optional<GatewayAccountView> account =
        compose.accounts().stream()
            .filter(a -> form.accountId() != null && a.id() == form.accountId())
            .findFirst();
    PersonalReview.Personal personal =
        review.review(
            form.content(),
            file,
            form.mobiles(),
            form.groups(),
            form.missing(),
            account.orElse(null),
            errors);
    Long balance = null;
    if (personal != null && account.isPresent()) {
      balance =
          preflight.verdict(account.get().id(), "", personal.rendered().totalSegments()).balance();
    }
    return new Summary(names, errors, personal, balance);
  }
}
