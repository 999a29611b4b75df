/**
 * The send worker: submits the due chunks of every tenant's jobs, one claim per call, at a rate per
 * gateway account, and records what the gateway answered; a call cut off by a stop is UNKNOWN,
 * never resent automatically.
 */
package com.smsportal.sending.worker;
