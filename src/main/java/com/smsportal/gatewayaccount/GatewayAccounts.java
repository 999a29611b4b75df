package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.account.AccountChanges;
import com.smsportal.gatewayaccount.account.AccountQueries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The gateway accounts' facade for other modules. Every read is filtered by the current tenant
 * context, so a customer's request finds only its own accounts; the operator's staff and system
 * tasks (ALL_TENANTS) find every tenant's. Nothing here hands out a password: calls to the gateway
 * as an account go through {@link GatewayAccess}.
 */
@Service
public class GatewayAccounts {

  private final AccountQueries queries;
  private final AccountChanges changes;

  GatewayAccounts(AccountQueries queries, AccountChanges changes) {
    this.queries = queries;
    this.changes = changes;
  }

  /** The current tenant's accounts, by name. */
  public List<GatewayAccountView> list() {
    return queries.list();
  }

  /** The names of the current tenant's accounts by id, for the rows of lists and exports. */
  public Map<Long, String> names() {
    return queries.names();
  }

  public Optional<GatewayAccountView> find(long id) {
    return queries.find(id);
  }

  /**
   * Set-up by the system (the demo, tests): the current tenant's account for this gateway account
   * (endpoint, userid, account), else its account of this name, gets these settings and password;
   * created if neither exists. Run it in the tenant's context. The system's own configuration is
   * trusted: the account is verified and claims its identity without asking the gateway (which may
   * not be up yet while the portal starts). Refused if another tenant holds this gateway account.
   */
  public long ensure(
      String name,
      long endpointId,
      GatewayCharset charset,
      String userid,
      String account,
      String password) {
    return changes.ensure(name, endpointId, charset, userid, account, password);
  }
}
