package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayCharset;
import org.springframework.context.ApplicationContext;

/**
 * Gateway accounts stored as their page stores them, for the tests of the module's other packages.
 * Tests only.
 */
public final class TestAccounts {

  private TestAccounts() {}

  /**
   * An account whose password the gateway has accepted (so it claims its gateway account): 1000
   * numbers a chunk, no extno, active; in the current customer's tenant or, for staff, in {@code
   * staffTenant}. Its id.
   */
  public static long verified(
      ApplicationContext context,
      Long staffTenant,
      String name,
      long endpointId,
      String userid,
      String account,
      String password) {
    AccountSettings settings =
        new AccountSettings(
            name, endpointId, GatewayCharset.UTF8, userid, account, 1000, false, true, null);
    return context.getBean(AccountChanges.class).create(settings, password, staffTenant, true);
  }
}
