package com.smsportal.sending.compose;

import com.smsportal.sending.PersonalOrder;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /send} in two steps (issue 23). The form's submit checks everything at once ({@link
 * SendReview}) and, if nothing is wrong, shows what will be sent (recipients, segments, cost
 * against the balance, time, signature) with a confirm button carrying a token of the numbers it
 * read ({@link StagedSends}). The confirm stores exactly those as the job under the form's
 * idempotency key (a double confirm sends once) and shows its progress. Nothing is stored or sent
 * before the confirm; a refusal goes back to the form with every reason next to its field.
 */
@Controller
class SendController {

  static final int MAX_FILE_BYTES = com.smsportal.sheet.SheetLimits.MAX_FILE_BYTES;
  static final String CONFIRM = "send/confirm";

  private final SendJobs jobs;
  private final SendReview review;
  private final StagedSends staged;
  private final Compose compose;
  private final ComposeProperties properties;
  private final PersonalCheck personalCheck;
  private final ComposeSources sources;

  SendController(
      SendJobs jobs,
      SendReview review,
      StagedSends staged,
      Compose compose,
      ComposeProperties properties,
      PersonalCheck personalCheck,
      ComposeSources sources) {
    this.personalCheck = personalCheck;
    this.sources = sources;
    this.jobs = jobs;
    this.review = review;
    this.staged = staged;
    this.compose = compose;
    this.properties = properties;
  }

  @PostMapping("/send")
  String send(
      @ModelAttribute("form") ComposeForm form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "confirmToken", required = false) String confirmToken,
      @RequestParam(name = "edit", required = false) String edit,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    if (edit != null) {
      // Back from the confirmation to the form as it was filled in.
      return form(form, model, new FormErrors());
    }
    if (confirmToken != null && !confirmToken.isBlank()) {
      return confirm(form, confirmToken, model, redirect);
    }
    // A repeated submit of a form that already made its job goes straight to that job.
    Optional<Long> earlier = jobs.jobOfKey(form.idempotencyKey());
    if (earlier.isPresent()) {
      redirect.addFlashAttribute("submitted", "repeated");
      return "redirect:/jobs/" + earlier.get();
    }
    SendReview.Reviewed reviewed = review.review(form, file);
    FormErrors errors = reviewed.errors();
    String key = form.idempotencyKey() == null ? "" : form.idempotencyKey().strip();
    if (key.isEmpty() || key.length() > 64) {
      errors.add("account", SendRefusal.NO_IDEMPOTENCY_KEY.messageKey(), null);
    }
    if (errors.any()) {
      return form(form, model, errors);
    }
    String content = reviewed.content() == null ? "" : reviewed.content();
    String token =
        staged.stage(
            new StagedSends.StagedSend(
                reviewed.account().id(),
                content,
                reviewed.sendTime(),
                form.extno() == null ? "" : form.extno().strip(),
                key,
                reviewed.personalised() ? List.of() : reviewed.valid(),
                reviewed.personalised() ? reviewed.personal().rendered().texts() : null));
    model.addAttribute("confirmToken", token);
    model.addAttribute("reviewed", reviewed);
    model.addAttribute("analysis", reviewed.analysis());
    model.addAttribute("signature", ComposeAnalysis.signature(content));
    model.addAttribute(
        "fileName", file == null || file.isEmpty() ? null : file.getOriginalFilename());
    model.addAttribute("groupNames", sources.groupNames(form.groups()));
    model.addAttribute("lengths", properties);
    return CONFIRM;
  }

  /** Stores what the confirmation page showed, whatever else the confirming request carries. */
  private String confirm(ComposeForm form, String token, Model model, RedirectAttributes redirect) {
    Optional<StagedSends.StagedSend> found = staged.find(token);
    if (found.isEmpty()) {
      FormErrors errors = new FormErrors();
      errors.add("account", "send.confirm.expired", null);
      return form(form, model, errors);
    }
    StagedSends.StagedSend send = found.get();
    Optional<Long> earlier = jobs.jobOfKey(send.idempotencyKey());
    if (earlier.isPresent()) {
      redirect.addFlashAttribute("submitted", "repeated");
      return "redirect:/jobs/" + earlier.get();
    }
    SubmitResult result =
        send.personalised()
            ? jobs.submitPersonal(
                new PersonalOrder(
                    send.accountId(),
                    send.content(),
                    send.texts(),
                    send.sendTime(),
                    send.extno(),
                    send.idempotencyKey()))
            : jobs.submit(
                SendOrder.of(
                    send.accountId(),
                    send.numbers(),
                    send.content(),
                    send.sendTime(),
                    send.extno(),
                    send.idempotencyKey()));
    if (!result.accepted()) {
      FormErrors errors = new FormErrors();
      String field = result.refusal().field();
      // A personalised send's numbers come from its spreadsheet: objections to them go there.
      errors.add(
          send.personalised() && "mobiles".equals(field) ? "file" : field,
          result.refusal().messageKey(),
          result.limit());
      return form(form, model, errors);
    }
    redirect.addFlashAttribute("submitted", result.repeated() ? "repeated" : "created");
    return "redirect:/jobs/" + result.jobId();
  }

  /** The form again, as it was filled in, with every objection next to its field. */
  private String form(ComposeForm form, Model model, FormErrors errors) {
    model.addAttribute("errors", errors);
    model.addAttribute(
        "analysis", compose.analyse(form.accountId(), form.mobiles(), form.content()));
    if (PersonalReview.personalised(form.content())) {
      model.addAttribute("personalCheck", personalCheck.template(form));
    }
    // A refused form is a new attempt: it keeps its key, so a double click still sends once.
    if (form.idempotencyKey() == null || form.idempotencyKey().isBlank()) {
      model.addAttribute("form", form.withKey(UUID.randomUUID().toString()));
    }
    model.addAttribute("accounts", compose.accounts());
    model.addAttribute("allowance", compose.allowance());
    model.addAttribute("lengths", properties);
    sources.offer(model);
    return Compose.VIEW;
  }
}
