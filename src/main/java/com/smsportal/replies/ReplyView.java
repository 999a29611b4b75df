package com.smsportal.replies;

import com.smsportal.web.KeysetList;
import com.smsportal.web.PageCursor;
import java.time.Instant;

/**
 * One reply as pages and exports show it: the replies page, its CSV, the dashboard's latest.
 *
 * @param accountId the gateway account whose queue the reply came from
 * @param content written by a member of the public: show it escaped only
 * @param jobId the send job the reply answered, or null when it matched none
 * @param optOut whether the reply asked for no more messages
 */
public record ReplyView(
    long id,
    long accountId,
    Instant receivedAt,
    String mobile,
    String content,
    String extno,
    Long jobId,
    boolean optOut,
    Instant fetchedAt)
    implements KeysetList.Row {

  /** Where the page after this row starts. */
  @Override
  public PageCursor cursor() {
    return new PageCursor(receivedAt, id);
  }
}
