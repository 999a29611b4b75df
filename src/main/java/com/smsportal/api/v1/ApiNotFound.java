package com.smsportal.api.v1;

/** A row the current tenant does not have, whether it exists for another or not: 404. */
final class ApiNotFound extends RuntimeException {

  ApiNotFound() {
    super("not found", null, false, false);
  }
}
