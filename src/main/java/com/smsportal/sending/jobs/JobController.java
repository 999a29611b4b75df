package com.smsportal.sending.jobs;

import com.smsportal.audit.AuditLog;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.ChunkSummary;
import com.smsportal.sending.ChunkView;
import com.smsportal.sending.JobProgress;
import com.smsportal.sending.JobView;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.NumberView;
import com.smsportal.sending.ResendOutcome;
import com.smsportal.sending.SendJobs;
import com.smsportal.web.KeysetPage;
import com.smsportal.web.NotFoundException;
import com.smsportal.web.Times;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A send job's page: its progress, chunks and numbers, cancel and resend ({@link
 * JobListController}: the list).
 */
@Controller
class JobController {

  static final String DETAIL = "send/job";
  static final String LIVE = "partials/send/job-live :: live";
  static final int NUMBERS_PAGE = 100;

  /**
   * Chunks listed at a time (issue 27): a job of 1,000,000 numbers has 1,000 chunks, which its page
   * used to read and render on each view and each poll. A larger job shows its chunks counted per
   * state, those needing attention first ({@link #PROBLEMS_SHOWN} at most), then all in order, a
   * page at a time.
   */
  static final int CHUNKS_PAGE = 50;

  static final int PROBLEMS_SHOWN = 100;

  private final SendJobs jobs;
  private final GatewayAccounts accounts;
  private final AuditLog audit;
  private final Clock clock;
  private final Times times;

  JobController(SendJobs jobs, GatewayAccounts accounts, AuditLog audit, Clock clock, Times times) {
    this.jobs = jobs;
    this.times = times;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The part of the job's page that changes by itself (progress, actions, chunks, the shown page of
   * numbers), which the page polls (htmx) as one while something may still change.
   */
  @HxRequest
  @GetMapping("/jobs/{id}")
  String live(
      @PathVariable long id,
      @RequestParam(required = false) NumberState state,
      @RequestParam(required = false) String mobile,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "0") int chunkAfter,
      Model model) {
    jobs.together(() -> readLive(id, state, mobile, after, chunkAfter, model));
    return LIVE;
  }

  /** The job's page. */
  @GetMapping("/jobs/{id}")
  String detail(
      @PathVariable long id,
      @RequestParam(required = false) NumberState state,
      @RequestParam(required = false) String mobile,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "0") int chunkAfter,
      Model model) {
    jobs.together(() -> readLive(id, state, mobile, after, chunkAfter, model));
    return DETAIL;
  }

  /**
   * The job, its progress now, the page of its numbers and whether it may still be changed: read
   * together for one rendering ({@link SendJobs#together}), so that no part of the page contradicts
   * another.
   */
  private void readLive(
      long id, NumberState state, String mobile, long after, int chunkAfter, Model model) {
    JobView job = jobs.summary(id).orElseThrow(NotFoundException::new);
    model.addAttribute("job", job);
    boolean summarised = job.chunkSummary().total() > CHUNKS_PAGE;
    model.addAttribute("chunksSummarised", summarised);
    model.addAttribute(
        "problemChunks",
        summarised && job.chunkSummary().problems() > 0
            ? jobs.chunks(id, ChunkSummary.PROBLEMS, 0, PROBLEMS_SHOWN)
            : List.of());
    KeysetPage<ChunkView> chunks =
        KeysetPage.read(CHUNKS_PAGE, n -> jobs.chunks(id, null, chunkAfter, n));
    model.addAttribute("chunks", chunks.rows());
    model.addAttribute("chunkNext", chunks.next(ChunkView::seq));
    model.addAttribute("progress", JobProgress.of(job, clock.instant()));
    KeysetPage<NumberView> numbers =
        KeysetPage.read(NUMBERS_PAGE, n -> jobs.numbers(id, state, mobile, after, n));
    model.addAttribute("numbers", numbers.rows());
    model.addAttribute("nextAfter", numbers.next(NumberView::id));
    model.addAttribute("stateFilter", state);
    model.addAttribute("mobileFilter", mobile);
    model.addAttribute("numberStates", NumberState.values());
    model.addAttribute("accountNames", accountNames());
    boolean editable = job.editableAt(clock.instant());
    model.addAttribute("editable", editable);
    if (editable && !model.containsAttribute("editForm")) {
      model.addAttribute(
          "editForm",
          new JobEditForm(
              job.content(),
              LocalDateTime.ofInstant(job.sendTime(), Times.ZONE)
                  .truncatedTo(ChronoUnit.MINUTES)
                  .toString(),
              job.extno(),
              job.version()));
    }
  }

  @PostMapping("/jobs/{id}/cancel")
  String cancel(@PathVariable long id, RedirectAttributes redirect) {
    jobs.summary(id).orElseThrow(NotFoundException::new);
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
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("resend", outcome.name());
    return "redirect:/jobs/" + id;
  }

  private Map<Long, String> accountNames() {
    return accounts.names();
  }
}
