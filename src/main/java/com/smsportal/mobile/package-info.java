/**
 * Phone numbers, read one way everywhere: what a person types, pastes or uploads, what the gateway
 * reports, what a list page is searched for. A mainland mobile number is kept and compared as its
 * 11 digits, whatever prefix (+86, 86, 0086), grouping or full-width digits it came with, so that a
 * number on the opt-out list is the same number in a send, a report and a reply.
 */
package com.smsportal.mobile;
