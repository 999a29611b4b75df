package com.smsportal.gatewayaccount;

import java.time.Instant;

/**
 * Published in the transaction that puts an account's password rotation in doubt (no usable answer
 * came, or the portal stopped mid-call): either password may be the valid one and the account waits
 * until the retry or an admin settles it. Once per fall into doubt, not at every retry that finds
 * it still in doubt. Names no password.
 */
public record RotationInDoubt(long tenantId, long accountId, String accountName, Instant at) {}
