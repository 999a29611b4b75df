package com.smsportal.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The figures of a statement, in the order of the page's table, the XLSX and the CSV: each with its
 * header's message key, so that the three say the same in the reader's language.
 */
public enum StatementColumn {
  JOBS("statements.col.jobs", StatementDay::jobs),
  SENT("statements.col.sent", StatementDay::sent),
  SEGMENTS("statements.col.segments", StatementDay::segments),
  DELIVERED("statements.col.delivered", StatementDay::delivered),
  FAILED("statements.col.failed", StatementDay::failed),
  UNKNOWN("statements.col.unknown", StatementDay::unknown),
  OPTED_OUT("statements.col.optedOut", StatementDay::optedOut),
  LIMITED("statements.col.limited", StatementDay::limited);

  /** The first column's header: the day (and "total" on the totals row). */
  static final String DAY = "statements.col.day";

  static final String TOTAL = "statements.total";

  private final String key;
  private final ToLongFunction<StatementDay> figure;

  StatementColumn(String key, ToLongFunction<StatementDay> figure) {
    this.key = key;
    this.figure = figure;
  }

  public String key() {
    return key;
  }

  /**
   * The header row's keys, as the page, the XLSX and the CSV put them: the day, then each column.
   */
  static List<String> headerKeys() {
    List<String> keys = new ArrayList<>();
    keys.add(DAY);
    for (StatementColumn column : values()) {
      keys.add(column.key);
    }
    return keys;
  }

  public long of(StatementDay day) {
    return figure.applyAsLong(day);
  }
}
