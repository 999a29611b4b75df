/**
 * Inbound replies (上行) written by the public: their idempotent ingest ({@link
 * com.smsportal.replies.Replies}, which the poller calls), linked to the send they answer, with the
 * opt-out words that put a number on the tenant's opt-out list (kept by sending); browsing, export,
 * and the latest replies for the dashboard.
 */
package com.smsportal.replies;
