/**
 * Delivery status reports: their idempotent ingest ({@link com.smsportal.receipts.StatusReports},
 * which the poller calls), which also tells the sent numbers their outcome, and the receipts pages
 * (filter, keyset pages, CSV export).
 */
package com.smsportal.receipts;
