package com.smsportal.gatewayaccount.endpoint;

/** Another endpoint already has this name or address; {@link #field()} says which. */
class EndpointTakenException extends RuntimeException {

  private final String field;

  EndpointTakenException(String field) {
    super("another gateway endpoint has this " + field);
    this.field = field;
  }

  String field() {
    return field;
  }
}
