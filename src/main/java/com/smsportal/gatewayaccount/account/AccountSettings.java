package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayCharset;

/**
 * A gateway account's settings but its password, as the account takes them: from its page's form
 * ({@link AccountForm#settings()}) or from the system's own set-up. The endpoint, userid and
 * account name the account at the gateway; the password always comes apart from them, and only
 * where it changes.
 */
record AccountSettings(
    String name,
    Long endpointId,
    GatewayCharset charset,
    String userid,
    String account,
    int chunkSize,
    boolean extnoSupported,
    boolean active,
    Long lowBalanceThreshold) {

  /** The numbers a chunk has unless someone chooses otherwise. */
  static final int DEFAULT_CHUNK_SIZE = 1000;
}
