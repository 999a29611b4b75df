/**
 * Sending: what a message costs (segments) and to whom it goes (mainland mobile numbers, parsed
 * from what people paste). Compose, jobs and chunked submission build on these.
 */
package com.smsportal.sending;
