package com.smsportal.sending;

import java.time.Instant;

/**
 * One chunk as pages show it: its state and what the gateway answered.
 *
 * @param error the portal's name of what went wrong ({@code GatewayError} or INTERRUPTED), or null
 * @param message the gateway's own message of a refusal, or why the chunk waits or is unknown
 */
public record ChunkView(
    long id,
    int seq,
    ChunkState state,
    int numberCount,
    int attempts,
    Instant dueAt,
    Instant attemptedAt,
    Instant answeredAt,
    String taskId,
    Long successCounts,
    Long remainpoint,
    String error,
    String message,
    String rawAnswer) {}
