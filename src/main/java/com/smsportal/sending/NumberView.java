package com.smsportal.sending;

/** One recipient of a job and what became of the message to it. */
public record NumberView(long id, String mobile, NumberState state, long chunkId) {}
