package com.smsportal.sending;

import com.smsportal.tenant.GatewayAccountView;
import com.smsportal.tenant.GatewayAccounts;
import com.smsportal.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's send jobs: the list, and each job's progress, chunks, cancel and resend. */
@Controller
class JobController {

  static final String LIST = "send/jobs";
  static final String DETAIL = "send/job";
  static final String PROGRESS = "partials/send/progress :: progress";

  private final SendJobs jobs;
  private final GatewayAccounts accounts;

  JobController(SendJobs jobs, GatewayAccounts accounts) {
    this.jobs = jobs;
    this.accounts = accounts;
  }

  @GetMapping("/jobs")
  String list(Model model) {
    model.addAttribute("jobs", jobs.list());
    model.addAttribute("accountNames", accountNames());
    return LIST;
  }

  /** The job's page; to htmx (polling while the job is open) only its progress. */
  @GetMapping("/jobs/{id}")
  String detail(@PathVariable long id, HttpServletRequest request, Model model) {
    JobView job = jobs.find(id).orElseThrow(JobController::notFound);
    model.addAttribute("job", job);
    model.addAttribute("accountNames", accountNames());
    return Htmx.isRequest(request) ? PROGRESS : DETAIL;
  }

  @PostMapping("/jobs/{id}/cancel")
  String cancel(@PathVariable long id, RedirectAttributes redirect) {
    jobs.find(id).orElseThrow(JobController::notFound);
    int cancelled = jobs.cancel(id);
    redirect.addFlashAttribute("cancelled", cancelled);
    return "redirect:/jobs/" + id;
  }

  /** Resends an UNKNOWN chunk, only when the person confirmed recipients may get it twice. */
  @PostMapping("/jobs/{id}/chunks/{chunkId}/resend")
  String resend(
      @PathVariable long id,
      @PathVariable long chunkId,
      @RequestParam(defaultValue = "false") boolean confirmed,
      RedirectAttributes redirect) {
    ResendOutcome outcome = jobs.resendUnknown(id, chunkId, confirmed);
    if (outcome == ResendOutcome.NOT_FOUND) {
      throw notFound();
    }
    redirect.addFlashAttribute("resend", outcome.name());
    return "redirect:/jobs/" + id;
  }

  private Map<Long, String> accountNames() {
    return accounts.list().stream()
        .collect(Collectors.toMap(GatewayAccountView::id, GatewayAccountView::name, (a, b) -> a));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
