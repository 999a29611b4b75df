package com.smsportal.polling;

/** The database could not take what was fetched: the round stops (the answer is in the spool). */
class StoreUnavailableException extends RuntimeException {

  StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
