package com.smsportal.api.v1;

import com.smsportal.api.ApiProperties;
import com.smsportal.receipts.ReceiptFeed;
import com.smsportal.receipts.ReceiptView;
import com.smsportal.replies.ReplyFeed;
import com.smsportal.replies.ReplyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts and replies for a client that tails them: ascending by id after {@code since} (the last
 * id it saw; the answer's {@code nextSince}). A row is returned only once it has settled ({@code
 * smsportal.api.feed-settle}, see {@link ReceiptFeed}), so a row committed late by a concurrent
 * ingest is never behind a client's cursor: asking again with {@code nextSince} loses nothing and
 * repeats nothing.
 */
@RestController
@Tag(
    name = "Receipts and replies · 状态报告与回复",
    description = "Tails by id, without gaps or repeats · 按 id 连续读取，不漏不重")
class FeedController {

  /** One page; {@code nextSince} is the last item's id, or the {@code since} asked with if none. */
  record Page<T>(List<T> items, long nextSince) {

    static <T> Page<T> of(List<T> items, long since, ToLongFunction<T> id) {
      return new Page<>(
          items, items.isEmpty() ? since : id.applyAsLong(items.get(items.size() - 1)));
    }
  }

  record Receipt(
      long id,
      long accountId,
      String mobile,
      String taskId,
      String status,
      String carrierCode,
      Instant receivedAt,
      Long jobId,
      String extno) {

    static Receipt of(ReceiptView v) {
      return new Receipt(
          v.id(),
          v.accountId(),
          v.mobile(),
          v.taskId(),
          v.delivered() ? "DELIVERED" : v.failed() ? "FAILED" : Integer.toString(v.status()),
          v.errorCode(),
          v.receivedAt(),
          v.jobId(),
          v.extno());
    }
  }

  record Reply(
      long id,
      long accountId,
      String mobile,
      String content,
      Instant receivedAt,
      Long jobId,
      String extno,
      boolean optOut) {

    static Reply of(ReplyView v) {
      return new Reply(
          v.id(),
          v.accountId(),
          v.mobile(),
          v.content(),
          v.receivedAt(),
          v.jobId(),
          v.extno(),
          v.optOut());
    }
  }

  private final ReceiptFeed receipts;
  private final ReplyFeed replies;
  private final ApiProperties properties;

  FeedController(ReceiptFeed receipts, ReplyFeed replies, ApiProperties properties) {
    this.receipts = receipts;
    this.replies = replies;
    this.properties = properties;
  }

  @Operation(summary = "Delivery reports after an id (状态报告)")
  @GetMapping("/api/v1/receipts")
  Page<Receipt> receipts(
      @Parameter(description = "The last id seen; 0 or omitted: from the first")
          @RequestParam(name = "since", required = false)
          String since,
      @RequestParam(name = "limit", required = false) Integer limit) {
    long after = Cursors.after(since);
    int size = Cursors.limit(limit, properties.maxPageSize());
    List<Receipt> items =
        receipts.after(after, size, properties.settleSeconds()).stream().map(Receipt::of).toList();
    return Page.of(items, after, Receipt::id);
  }

  @Operation(summary = "Replies after an id (上行回复)")
  @GetMapping("/api/v1/replies")
  Page<Reply> replies(
      @Parameter(description = "The last id seen; 0 or omitted: from the first")
          @RequestParam(name = "since", required = false)
          String since,
      @RequestParam(name = "limit", required = false) Integer limit) {
    long after = Cursors.after(since);
    int size = Cursors.limit(limit, properties.maxPageSize());
    List<Reply> items =
        replies.after(after, size, properties.settleSeconds()).stream().map(Reply::of).toList();
    return Page.of(items, after, Reply::id);
  }
}
