package com.smsportal.api.v1;

/**
 * The API's cursors: the id of the last row seen, as decimal text; and page sizes. A cursor or
 * limit that is not a number is a 400 problem ({@link BadParameter}).
 */
final class Cursors {

  static final int DEFAULT_LIMIT = 100;

  private Cursors() {}

  static long after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(cursor.strip());
      if (id < 0) {
        throw new BadParameter("cursor");
      }
      return id;
    } catch (NumberFormatException notANumber) {
      throw new BadParameter("cursor");
    }
  }

  static int limit(Integer limit, int max) {
    if (limit == null) {
      return Math.min(DEFAULT_LIMIT, max);
    }
    if (limit < 1 || limit > max) {
      throw new BadParameter("limit");
    }
    return limit;
  }

  /** A query parameter the API cannot read. */
  static final class BadParameter extends RuntimeException {

    final String parameter;

    BadParameter(String parameter) {
      super(parameter, null, false, false);
      this.parameter = parameter;
    }
  }
}
