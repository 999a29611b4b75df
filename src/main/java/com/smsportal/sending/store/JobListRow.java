package com.smsportal.sending.store;

import com.smsportal.sending.JobProgress;
import com.smsportal.sending.JobView;
import com.smsportal.web.KeysetList;
import com.smsportal.web.PageCursor;
import java.util.Map;

/**
 * One job as the job list and its export show it: the job with its numbers counted per state (no
 * chunks), its phase and outcome counts now, and the name of its gateway account.
 *
 * @param accountName null until {@link #named} (the accounts are another module's)
 */
public record JobListRow(JobView job, JobProgress progress, String accountName)
    implements KeysetList.Row {

  /** How many characters of the content the list shows. */
  static final int PREVIEW = 30;

  @Override
  public long id() {
    return job.id();
  }

  /** Where the page after this row starts: the jobs created before it. */
  @Override
  public PageCursor cursor() {
    return new PageCursor(job.createdAt(), job.id());
  }

  /** This row with its gateway account's name, or its id where the account has none. */
  public JobListRow named(Map<Long, String> accountNames) {
    return new JobListRow(
        job, progress, accountNames.getOrDefault(job.accountId(), "#" + job.accountId()));
  }

  /** The content's first characters, with an ellipsis when there is more. */
  public String preview() {
    String content = job.content();
    if (content.codePointCount(0, content.length()) <= PREVIEW) {
      return content;
    }
    return content.substring(0, content.offsetByCodePoints(0, PREVIEW)) + "…";
  }

  /**
   * What the gateway bills: every number, times the segments of the text (of each number's own text
   * in a personalised job).
   */
  public long billedSegments() {
    return job.totalSegments();
  }
}
