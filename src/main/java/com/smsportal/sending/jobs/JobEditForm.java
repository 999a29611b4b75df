package com.smsportal.sending.jobs;

/**
 * The edit form of a scheduled job, as typed.
 *
 * @param sendTime the browser's datetime-local value, China Standard Time
 * @param version the job's version the form was shown with (null if the form lacks it)
 */
public record JobEditForm(String content, String sendTime, String extno, Integer version)
    implements java.io.Serializable {}
