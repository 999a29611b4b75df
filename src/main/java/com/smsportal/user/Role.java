package com.smsportal.user;

/** A portal user's role. ADMIN can do all that SUPPORT can; CUSTOMER belongs to one tenant. */
public enum Role {
  CUSTOMER,
  SUPPORT,
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean staff() {
    return this != CUSTOMER;
  }
}
