package com.smsportal.user;

/** The logged-in user as the layout shows it: name, role and, for a customer, the enterprise. */
public record CurrentUser(String username, Role role, String tenantName) {}
