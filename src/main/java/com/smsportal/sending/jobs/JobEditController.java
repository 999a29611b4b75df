package com.smsportal.sending.jobs;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.message.MessageSegments;
import com.smsportal.sending.JobView;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.compose.SendPreflight;
import com.smsportal.sending.message.SendRules;
import com.smsportal.sending.store.JobEdits;
import com.smsportal.templates.SignatureRequired;
import com.smsportal.templates.Signatures;
import com.smsportal.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /jobs/{id}/edit}: changes a scheduled job before it goes, after the same checks as
 * {@code POST /send} (the form's own, then blocked words, balance and charset at the gateway). A
 * refusal goes back to the job's page with the reason next to its field and the text as typed.
 */
@Controller
class JobEditController {

  private final SendJobs jobs;
  private final JobEdits edits;
  private final SendPreflight preflight;
  private final GatewayAccounts accounts;
  private final Signatures signatures;
  private final Clock clock;

  JobEditController(
      SendJobs jobs,
      JobEdits edits,
      SendPreflight preflight,
      GatewayAccounts accounts,
      Signatures signatures,
      Clock clock) {
    this.jobs = jobs;
    this.edits = edits;
    this.preflight = preflight;
    this.accounts = accounts;
    this.signatures = signatures;
    this.clock = clock;
  }

  @PostMapping("/jobs/{id}/edit")
  String edit(
      @PathVariable long id, @ModelAttribute JobEditForm form, RedirectAttributes redirect) {
    JobView job = jobs.summary(id).orElseThrow(NotFoundException::new);
    String content = form.content() == null ? "" : form.content();
    String extno = form.extno() == null ? "" : form.extno().strip();
    String back = "redirect:/jobs/" + id;
    if (job.personalised()) {
      // Its texts were rendered per number from the content (issue 24): nothing of it is edited.
      return refused(redirect, form, "job", "jobs.edit.PERSONALISED", null, back);
    }
    if (!job.editableAt(clock.instant())) {
      return refused(redirect, form, "job", "jobs.edit.STARTED", null, back);
    }
    Instant sendTime;
    try {
      sendTime = SendRules.sendTime(form.sendTime());
    } catch (DateTimeParseException badTime) {
      return refused(redirect, form, "sendTime", "send.error.sendTime", null, back);
    }
    Optional<GatewayAccountView> account = accounts.find(job.accountId());
    boolean extnoSupported = account.map(GatewayAccountView::extnoSupported).orElse(false);
    SendRefusal refusal =
        SendRules.refusal(content, extno, extnoSupported, sendTime, true, clock.instant());
    if (refusal != null) {
      // The edit form has the message's fields; anything else is about the job.
      String field = refusal.field().equals("mobiles") ? "job" : refusal.field();
      return refused(redirect, form, field, refusal.messageKey(), null, back);
    }
    Optional<SignatureRequired> unsigned =
        account.flatMap(a -> signatures.required(a.tenantId(), content));
    if (unsigned.isPresent()) {
      String allowed = unsigned.get().allowedList();
      return refused(redirect, form, "content", "send.error.unsigned", allowed, back);
    }
    long cost = (long) MessageSegments.count(content).segments() * job.numberCount();
    Optional<SendPreflight.Objection> objection = preflight.check(job.accountId(), content, cost);
    if (objection.isPresent()) {
      SendPreflight.Objection o = objection.get();
      String field = "content".equals(o.field()) ? "content" : "job";
      return refused(redirect, form, field, o.messageKey(), o.argument(), back);
    }
    JobEdits.Outcome outcome;
    try {
      outcome =
          edits.edit(id, form.version() == null ? -1 : form.version(), content, sendTime, extno);
    } catch (ConcurrencyFailureException lostRace) {
      outcome = JobEdits.Outcome.STARTED; // rolled back: nothing changed
    }
    if (outcome == JobEdits.Outcome.NOT_FOUND) {
      throw new NotFoundException();
    }
    if (outcome != JobEdits.Outcome.EDITED) {
      return refused(redirect, form, "job", "jobs.edit." + outcome.name(), null, back);
    }
    redirect.addFlashAttribute("edited", true);
    return back;
  }

  private static String refused(
      RedirectAttributes redirect,
      JobEditForm form,
      String field,
      String messageKey,
      String argument,
      String back) {
    redirect.addFlashAttribute("editField", field);
    redirect.addFlashAttribute("editRefusal", messageKey);
    if (argument != null) {
      redirect.addFlashAttribute("editArgument", argument);
    }
    redirect.addFlashAttribute("editForm", form);
    return back;
  }
}
