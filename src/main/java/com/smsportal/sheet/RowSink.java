package com.smsportal.sheet;

import java.util.List;

/** Where a sheet's rows go, one at a time: its line and its cells by column, stripped. */
@FunctionalInterface
public interface RowSink {

  void row(int line, List<String> cells) throws SheetRefused, Stop;

  /** Thrown by a sink that has read what it wanted: the reading stops, no error. */
  final class Stop extends Exception {
    public Stop() {
      super(null, null, false, false);
    }
  }
}
