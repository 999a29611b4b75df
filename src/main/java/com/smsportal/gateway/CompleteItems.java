package com.smsportal.gateway;

/**
 * The complete items of an answer that was cut off (its transfer broke, or its process died),
 * rebuilt as a whole answer that {@link GatewayClient#readStatusReports} or {@link
 * GatewayClient#readReplies} reads like any other.
 *
 * @param answer a {@code <returnsms>} holding every item that arrived whole, in order
 * @param items how many items that is; the incomplete last one, if any, is left out
 */
public record CompleteItems(String answer, int items) {}
