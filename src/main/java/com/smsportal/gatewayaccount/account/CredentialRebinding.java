package com.smsportal.gatewayaccount.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At every start, before any schedule runs (the poller, the send worker): stored passwords of the
 * first format, bound only to their column and tenant, are written again bound to their row and
 * gateway account (see {@link CredentialBinding}). After the first start of this version there are
 * none left.
 */
@Component
class CredentialRebinding implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(CredentialRebinding.class);

  private final CredentialReencryption reencryption;

  CredentialRebinding(CredentialReencryption reencryption) {
    this.reencryption = reencryption;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int rebound = reencryption.rebindLegacy();
    if (rebound > 0) {
      log.info("Bound {} stored gateway password(s) to their accounts", rebound);
    }
  }
}
