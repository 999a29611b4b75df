/**
 * The outbox: the events of other modules, heard in their transactions, written as deliveries in
 * one batch per answer ({@code Outbox}, {@code OutboxListener}).
 */
package com.smsportal.webhooks.outbox;
