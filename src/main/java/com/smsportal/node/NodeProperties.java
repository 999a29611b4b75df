package com.smsportal.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node's settings ({@code smsportal.node.*}); the values are in application.properties.
 *
 * @param id the node id the operator chose, or none (null or blank): then the one kept in the data
 *     directory
 * @param heartbeatEvery how often this node writes its heartbeat
 * @param deadAfter after how long without a heartbeat (by the database's clock) a node is dead; at
 *     least three heartbeats
 */
@ConfigurationProperties("smsportal.node")
record NodeProperties(String id, Duration heartbeatEvery, Duration deadAfter) {

  /** The id the operator chose, or null when the node is to keep its own. */
  String named() {
    return id == null || id.isBlank() ? null : id;
  }
}
