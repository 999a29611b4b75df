/**
 * Sending: what a message costs (segments) and to whom it goes (mainland mobile numbers, parsed
 * from what people paste), and send jobs ({@link com.smsportal.sending.SendJobs} is the facade):
 * stored with all their numbers before anything is sent, submitted in chunks by a worker so that no
 * message is ever sent twice without a person deciding it.
 */
package com.smsportal.sending;
