/**
 * A faithful, stateful stand-in for the 聚合云 gateway under {@code /simulator}: balances, blocked
 * words, fetch-once report and reply queues, password change and fault injection, for the demo.
 */
package com.smsportal.simulator;
