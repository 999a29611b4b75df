package com.smsportal.gatewayaccount.endpoint;

import java.util.List;
import java.util.Map;

/**
 * The accounts on the endpoints, as the endpoints' administration must know them: how many use each
 * endpoint, which ones (an endpoint cannot be retired while any does), and which gateway accounts
 * are registered more than once. The accounts' side answers it, so that this package never imports
 * the accounts'; it is asked in a transaction that sees every tenant's accounts.
 */
public interface EndpointUsers {

  /** How many accounts of all tenants use each endpoint, by endpoint id (none: absent). */
  Map<Long, Long> countByEndpoint();

  /** The accounts of all tenants that use the endpoint, by tenant and name. */
  List<AccountUse> using(long endpointId);

  /** The gateway accounts registered more than once (only possible from before the rule). */
  List<SharedIdentity> sharedIdentities();

  /** An account that uses an endpoint, or shares its identity with another: for the admin. */
  record AccountUse(
      long accountId,
      String accountName,
      long tenantId,
      String tenantName,
      String userid,
      String account,
      boolean active,
      boolean claimsIdentity) {}

  /** Accounts that name the same gateway account (endpoint, userid, account). */
  record SharedIdentity(EndpointView endpoint, String userid, List<AccountUse> accounts) {

    /** More than one of them is active: their pollers split the gateway's report queue. */
    public boolean needsAction() {
      return accounts.stream().filter(AccountUse::active).count() > 1;
    }
  }
}
