package com.smsportal.tenant;

/** Another tenant already has this name. */
public class TenantNameTakenException extends RuntimeException {

  public TenantNameTakenException(String name) {
    super("a tenant named '" + name + "' exists");
  }
}
