/**
 * Sending: send jobs stored with all their numbers before anything is sent, submitted in chunks by
 * a worker so that no message is ever sent twice without a person deciding it; the opt-out list
 * that every send respects; what the status reports tell the sent numbers.
 *
 * <p>This base package is the module's API: the facades other modules and the module's own pages
 * call ({@link com.smsportal.sending.SendJobs}, {@link com.smsportal.sending.OptOuts}, {@link
 * com.smsportal.sending.DeliveryOutcomes}, {@link com.smsportal.sending.SendStatistics}) and the
 * values they take and give. The work is done in sub-packages, internal to the module (Spring
 * Modulith refuses another module's use of them): {@code compose} (the compose page, {@code POST
 * /send}, the gateway's preflight), {@code message} (segments, mobile numbers, the send rules),
 * {@code store} (the job entities, storing jobs, edits, the read models, the day counts of the
 * dashboard kept as chunks are accepted and reports come in), {@code worker} (submitting due
 * chunks), {@code jobs} (the job pages) and {@code optout} (the opt-out entity and page).
 */
package com.smsportal.sending;
