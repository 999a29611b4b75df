package com.smsportal.sending.compose;

import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.sending.message.SendRules;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * {@code POST /send}: stores the job under the form's idempotency key before anything is sent, then
 * shows its progress. A refusal goes back to the form with the reason next to its field.
 */
@Controller
class SendController {

  /** Which field a refusal belongs next to; the rest are shown above the form. */
  static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  private final SendJobs jobs;
  private final SendPreflight preflight;
  private final Compose compose;

  SendController(SendJobs jobs, SendPreflight preflight, Compose compose) {
    this.jobs = jobs;
    this.preflight = preflight;
    this.compose = compose;
  }

  @PostMapping("/send")
  String send(
      @ModelAttribute("form") ComposeForm form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    String mobiles = form.mobiles() == null ? "" : form.mobiles();
    if (file != null && !file.isEmpty()) {
      if (file.getSize() > MAX_FILE_BYTES) {
        return refused(form, model, "file", "send.error.fileTooLarge");
      }
      try {
        mobiles = mobiles + "\n" + NumberFile.text(file.getOriginalFilename(), file.getBytes());
      } catch (NumberFile.Refused refusedFile) {
        // Damaged, disguised, or more than an upload may hold: nothing is stored.
        model.addAttribute("refusalArgument", refusedFile.argument());
        return refused(form, model, "file", refusedFile.messageKey());
      }
    }
    Instant sendTime;
    try {
      sendTime = SendRules.sendTime(form.sendTime());
    } catch (DateTimeParseException badTime) {
      return refused(form, model, "sendTime", "send.error.sendTime");
    }
    if (form.accountId() == null) {
      return refused(form, model, "account", SendRefusal.NO_SUCH_ACCOUNT.messageKey());
    }
    // A repeated submit of a form that already made its job goes straight to that job.
    Optional<Long> earlier = jobs.jobOfKey(form.idempotencyKey());
    if (earlier.isPresent()) {
      redirect.addFlashAttribute("submitted", "repeated");
      return "redirect:/jobs/" + earlier.get();
    }
    ComposeAnalysis analysis = compose.analyse(form.accountId(), mobiles, form.content());
    if (analysis.validCount() > 0 && analysis.sendCount() == 0) {
      // Said before asking the gateway anything; the submit checks the list again in any case.
      return refused(form, model, "mobiles", SendRefusal.ALL_OPTED_OUT.messageKey());
    }
    Optional<SendPreflight.Objection> objection =
        preflight.check(form.accountId(), form.content(), analysis.cost());
    if (objection.isPresent()) {
      model.addAttribute("refusalArgument", objection.get().argument());
      return refused(form, model, objection.get().field(), objection.get().messageKey());
    }
    SubmitResult result =
        jobs.submit(
            new SendOrder(
                form.accountId(),
                mobiles,
                form.content(),
                sendTime,
                form.extno(),
                form.idempotencyKey()));
    if (!result.accepted()) {
      model.addAttribute("refusalArgument", result.limit());
      return refused(form, model, result.refusal().field(), result.refusal().messageKey());
    }
    redirect.addFlashAttribute("submitted", result.repeated() ? "repeated" : "created");
    return "redirect:/jobs/" + result.jobId();
  }

  private String refused(ComposeForm form, Model model, String field, String messageKey) {
    model.addAttribute("refusalField", field);
    model.addAttribute("refusal", messageKey);
    model.addAttribute(
        "analysis", compose.analyse(form.accountId(), form.mobiles(), form.content()));
    // A refused form is a new attempt: it keeps its key, so a double click still sends once.
    if (form.idempotencyKey() == null || form.idempotencyKey().isBlank()) {
      model.addAttribute(
          "form",
          new ComposeForm(
              form.accountId(),
              form.mobiles(),
              form.content(),
              form.sendTime(),
              form.extno(),
              UUID.randomUUID().toString()));
    }
    model.addAttribute("accounts", compose.accounts());
    model.addAttribute("allowance", compose.allowance());
    return Compose.VIEW;
  }
}
