/**
 * What a message is, whoever asks: its segments and cost, the mainland mobile numbers it goes to
 * (parsed from what people paste), and the send rules one new job and an edit are both held to.
 */
package com.smsportal.sending.message;
