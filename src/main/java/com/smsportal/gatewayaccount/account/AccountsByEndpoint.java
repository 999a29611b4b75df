package com.smsportal.gatewayaccount.account;

import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointUsers;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The accounts on each endpoint, for the endpoints' administration (see {@link EndpointUsers}). */
@Component
class AccountsByEndpoint implements EndpointUsers {

  private final GatewayAccountRepository accounts;
  private final EndpointDirectory endpoints;
  private final TenantService tenants;

  AccountsByEndpoint(
      GatewayAccountRepository accounts, EndpointDirectory endpoints, TenantService tenants) {
    this.accounts = accounts;
    this.endpoints = endpoints;
    this.tenants = tenants;
  }

  @Override
  public Map<Long, Long> countByEndpoint() {
    return accounts.findAll().stream()
        .collect(Collectors.groupingBy(GatewayAccount::getEndpointId, Collectors.counting()));
  }

  @Override
  public List<AccountUse> using(long endpointId) {
    return uses(accounts.findByEndpointIdOrderByTenantIdAscNameAsc(endpointId));
  }

  @Override
  public List<SharedIdentity> sharedIdentities() {
    List<SharedIdentity> groups = new ArrayList<>();
    List<GatewayAccount> group = new ArrayList<>();
    for (GatewayAccount account : accounts.findSharingIdentity()) {
      if (!group.isEmpty() && !sameIdentity(group.get(0), account)) {
        groups.add(shared(group));
        group = new ArrayList<>();
      }
      group.add(account);
    }
    if (!group.isEmpty()) {
      groups.add(shared(group));
    }
    return groups;
  }

  private SharedIdentity shared(List<GatewayAccount> group) {
    GatewayAccount first = group.get(0);
    return new SharedIdentity(
        endpoints.find(first.getEndpointId()).orElseThrow(), first.getUserid(), uses(group));
  }

  private static boolean sameIdentity(GatewayAccount a, GatewayAccount b) {
    return Objects.equals(a.getEndpointId(), b.getEndpointId())
        && a.getUserid().equals(b.getUserid())
        && GatewayAccount.accountKey(a.getAccount())
            .equals(GatewayAccount.accountKey(b.getAccount()));
  }

  private List<AccountUse> uses(List<GatewayAccount> list) {
    Map<Long, String> names = new HashMap<>();
    return list.stream()
        .map(
            a ->
                new AccountUse(
                    a.getId(),
                    a.getName(),
                    a.getTenantId(),
                    names.computeIfAbsent(
                        a.getTenantId(), t -> tenants.find(t).map(TenantView::name).orElse("?")),
                    a.getUserid(),
                    a.getAccount(),
                    a.isActive(),
                    a.claimsIdentity()))
        .toList();
  }
}
