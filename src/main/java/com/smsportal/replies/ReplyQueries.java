package com.smsportal.replies;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of the replies: the current tenant's latest, for the dashboard. */
@Service
public class ReplyQueries {

  static final int MAX_LIMIT = 100;

  private final ReplySearch search;

  ReplyQueries(ReplySearch search) {
    this.search = search;
  }

  /** The current tenant's newest replies, newest first; at most {@code limit} (1 to 100). */
  @Transactional(readOnly = true)
  public List<ReplyView> latest(int limit) {
    int size = Math.max(1, Math.min(limit, MAX_LIMIT));
    return search.page(ReplyQuery.ALL, null, size);
  }
}
