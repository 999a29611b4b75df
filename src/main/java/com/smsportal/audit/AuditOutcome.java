package com.smsportal.audit;

public enum AuditOutcome {
  SUCCESS,
  FAILURE,
  DENIED
}
