package com.smsportal.gateway;

/**
 * An accepted submit.
 *
 * @param taskId the batch id reports and replies refer to; text, because leading zeros matter
 * @param successCounts how many messages the gateway accepted
 * @param remainPoint the balance after this submit
 * @param rawAnswer the answer as received, to be stored with the chunk
 */
public record SendResult(
    String taskId, long successCounts, long remainPoint, String message, String rawAnswer) {}
