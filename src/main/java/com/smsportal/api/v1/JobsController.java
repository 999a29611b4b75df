package com.smsportal.api.v1;

import com.smsportal.api.ApiProperties;
import com.smsportal.sending.JobView;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.NumberView;
import com.smsportal.sending.SendJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A job's state and counts, and its numbers by cursor (the id of the last number seen). Another
 * tenant's job is not found (404), as on the pages.
 */
@RestController
@Tag(name = "Jobs · 任务", description = "A job's state, counts and numbers · 任务状态、统计与号码")
class JobsController {

  /**
   * A job as the API shows it: its state and how many numbers are in each state ({@code LIMITED}:
   * held back when their chunk went, at a flood limit per number); {@code limitedCount} the numbers
   * its store held back for the same reason (issue 26).
   */
  record Job(
      long id,
      long accountId,
      String state,
      int numberCount,
      int optedOutCount,
      int limitedCount,
      long totalSegments,
      Instant sendTime,
      Instant createdAt,
      String createdBy,
      boolean personalised,
      Map<NumberState, Long> numbers) {

    static Job of(JobView v) {
      Map<NumberState, Long> counts = new EnumMap<>(NumberState.class);
      counts.putAll(v.numbers());
      return new Job(
          v.id(),
          v.accountId(),
          v.state().name(),
          v.numberCount(),
          v.optedOutCount(),
          v.limitedCount(),
          v.totalSegments(),
          v.sendTime(),
          v.createdAt(),
          v.createdBy(),
          v.personalised(),
          counts);
    }
  }

  /** One page of numbers; {@code nextCursor} null on the last page. */
  record Numbers(List<Number> items, String nextCursor) {}

  record Number(
      long id, String mobile, NumberState state, String carrierCode, Instant reportedAt) {}

  private final SendJobs jobs;
  private final ApiProperties properties;

  JobsController(SendJobs jobs, ApiProperties properties) {
    this.jobs = jobs;
    this.properties = properties;
  }

  @Operation(summary = "A job's state and counts (任务状态)")
  @GetMapping("/api/v1/jobs/{id}")
  Job job(@PathVariable long id) {
    return jobs.find(id).map(Job::of).orElseThrow(ApiNotFound::new);
  }

  @Operation(summary = "A job's numbers, by cursor (任务号码)")
  @GetMapping("/api/v1/jobs/{id}/numbers")
  Numbers numbers(
      @PathVariable long id,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) Integer limit) {
    if (jobs.find(id).isEmpty()) {
      throw new ApiNotFound();
    }
    long after = Cursors.after(cursor);
    int size = Cursors.limit(limit, properties.maxPageSize());
    List<NumberView> page = jobs.numbers(id, null, null, after, size + 1);
    boolean more = page.size() > size;
    List<Number> items =
        page.stream()
            .limit(size)
            .map(n -> new Number(n.id(), n.mobile(), n.state(), n.carrierCode(), n.reportedAt()))
            .toList();
    String next = more ? Long.toString(items.get(items.size() - 1).id()) : null;
    return new Numbers(items, next);
  }
}
