/**
 * Monthly statements (对账单, issue 26): per tenant and gateway account, per China calendar month and
 * per China day, the numbers sent, segments billed, delivered, failed, unknown, opted out and
 * limited, with the gateway balance at the month's first and last known reading; the page {@code
 * /statements} with its chart, and the same figures as XLSX and CSV.
 *
 * <p>A number counts on the China day its job was submitted ({@code send_job.created_at}, the time
 * the jobs page shows and filters by), whatever day its chunk went out or its report came: a day's
 * row is the sum of the jobs the jobs page lists for that day and account. Every figure is summed
 * by the database (GROUP BY day and state), never by reading the numbers.
 */
package com.smsportal.statements;
