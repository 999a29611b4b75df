/**
 * The append-only audit log of security-relevant actions: who did what, to which tenant and target,
 * with what outcome and from where. It never holds a secret.
 */
package com.smsportal.audit;
