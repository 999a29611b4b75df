/**
 * What a message text is, whoever asks: its SMS segments ({@link
 * com.smsportal.message.MessageSegments}) and its placeholders ({@link
 * com.smsportal.message.Placeholders}, issue 24). A leaf module: sending, templates and contacts
 * all read texts the same way through it.
 */
package com.smsportal.message;
