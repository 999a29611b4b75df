/**
 * Inbound replies (上行) written by the public, and each tenant's opt-out list that sends respect:
 * ingest, browsing, export, and the opt-out words that put a number on the list.
 */
package com.smsportal.replies;
