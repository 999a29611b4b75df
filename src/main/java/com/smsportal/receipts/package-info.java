/**
 * Delivery status reports: the poller that drains the gateway's fetch-once queues (reports and
 * replies) into a durable raw inbox, with a disk spool for when the database cannot take them, the
 * idempotent ingest of reports, their matching to sent numbers, and the receipts pages.
 */
package com.smsportal.receipts;
