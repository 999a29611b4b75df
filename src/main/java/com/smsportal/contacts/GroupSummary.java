package com.smsportal.contacts;

/** A group of the current tenant and how many contacts it holds. */
public record GroupSummary(long id, String name, long members) {}
