package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.GatewayCharset;
import java.time.Instant;

/**
 * A gateway endpoint as pages show it. Its base URL is shown to the operator's staff only.
 *
 * @param maxChunkSize the most numbers one submit may carry on this endpoint, set by an
 *     administrator; null: the portal's rules alone
 */
public record EndpointView(
    long id,
    String name,
    String baseUrl,
    GatewayCharset defaultCharset,
    String note,
    boolean active,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    Integer maxChunkSize) {

  /** The fewest numbers a chunk may have, unless its endpoint allows fewer. */
  static final int MIN_CHUNK_SIZE = 100;

  /** The most numbers a chunk may have, unless its endpoint allows fewer. */
  static final int MAX_CHUNK_SIZE = 5000;

  /**
   * The fewest numbers an account on this endpoint may put in one chunk: 100, or 1 where the
   * endpoint's own maximum is below that.
   */
  public int minChunkSize() {
    return maxChunkSize != null && maxChunkSize < MIN_CHUNK_SIZE ? 1 : MIN_CHUNK_SIZE;
  }

  /** The most numbers an account on this endpoint may put in one chunk. */
  public int maxChunkSizeOrDefault() {
    return maxChunkSize == null ? MAX_CHUNK_SIZE : maxChunkSize;
  }
}
