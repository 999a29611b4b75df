package com.smsportal.sending.worker;

import com.smsportal.gateway.SendRequest;
import com.smsportal.tenant.NumberLimits;
import java.util.List;
import java.util.Set;

/**
 * A chunk's submit as read ({@link ChunkReads}), the job version it was read at, the numbers left
 * out because they opted out since, and the tenant's flood limits per number (issue 26).
 */
record PreparedChunk(
    SendRequest request, int jobVersion, List<String> optedOut, NumberLimits limits) {

  /** The submit without the numbers that had reached a flood limit when the chunk was claimed. */
  SendRequest without(Set<String> limited) {
    return limited.isEmpty()
        ? request
        : new SendRequest(
            request.mobiles().stream().filter(m -> !limited.contains(m)).toList(),
            request.content(),
            request.sendTime(),
            request.extno());
  }
}
