/**
 * The compose page and {@code POST /send}: the live summary (numbers, segments, cost, opted-out
 * numbers, characters the account's charset cannot carry), number files, and the gateway's
 * preflight (blocked words, balance) before a job is stored through {@link
 * com.smsportal.sending.SendJobs}.
 */
package com.smsportal.sending.compose;
