package com.smsportal.gatewayaccount;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.gateway.EndpointGuard;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway endpoints the portal may call, managed by administrators; and the {@link
 * EndpointGuard} of the gateway client, so that only their addresses are ever called. Every change
 * is audited with its old and new values.
 */
@Service
public class GatewayEndpoints implements EndpointGuard {

  private final GatewayEndpointRepository endpoints;
  private final GatewayAccountRepository accounts;
  private final TenantService tenants;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  GatewayEndpoints(
      GatewayEndpointRepository endpoints,
      GatewayAccountRepository accounts,
      TenantService tenants,
      AuditLog audit,
      TransactionTemplate transaction,
      Clock clock) {
    this.endpoints = endpoints;
    this.accounts = accounts;
    this.tenants = tenants;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** An account that uses an endpoint, or shares its identity with another: for the admin. */
  public record AccountUse(
      long accountId,
      String accountName,
      long tenantId,
      String tenantName,
      String userid,
      String account,
      boolean active,
      boolean claimsIdentity) {}

  /** Accounts that name the same gateway account (endpoint, userid, account). */
  public record SharedIdentity(EndpointView endpoint, String userid, List<AccountUse> accounts) {

    /** More than one of them is active: their pollers split the gateway's report queue. */
    public boolean needsAction() {
      return accounts.stream().filter(AccountUse::active).count() > 1;
    }
  }

  /** An endpoint with the number of accounts using it, for the admin's list. */
  public record EndpointRow(EndpointView endpoint, long accounts) {}

  @Override
  @Transactional(readOnly = true)
  public boolean permits(String baseUrl) {
    return baseUrl != null && endpoints.existsByBaseUrlAndActiveTrue(baseUrl);
  }

  /** Every endpoint, active ones first, with how many accounts of all tenants use each. */
  public List<EndpointRow> all() {
    return everyTenant(
        () -> {
          List<GatewayAccount> every = accounts.findAll();
          return endpoints.findAllByOrderByActiveDescNameAscIdAsc().stream()
              .map(
                  e ->
                      new EndpointRow(
                          e.toView(),
                          every.stream()
                              .filter(a -> Objects.equals(a.getEndpointId(), e.getId()))
                              .count()))
              .toList();
        });
  }

  /** The endpoints a new or edited account may choose. */
  @Transactional(readOnly = true)
  public List<EndpointView> active() {
    return endpoints.findByActiveTrueOrderByNameAscIdAsc().stream()
        .map(GatewayEndpoint::toView)
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<EndpointView> find(long id) {
    return endpoints.findById(id).map(GatewayEndpoint::toView);
  }

  @Transactional(readOnly = true)
  Optional<EndpointView> findActive(Long id) {
    return id == null ? Optional.empty() : find(id).filter(EndpointView::active);
  }

  /**
   * Adds an endpoint.
   *
   * @throws EndpointTakenException if its name or address is already an endpoint's
   */
  @Transactional
  long create(EndpointForm form) {
    refuseTaken(form, null);
    GatewayEndpoint endpoint = new GatewayEndpoint(form, CurrentActor.name(), clock.instant());
    try {
      endpoints.saveAndFlush(endpoint);
    } catch (DataIntegrityViolationException raced) {
      throw new EndpointTakenException("name");
    }
    record(AuditAction.ENDPOINT_CREATED, endpoint, describe(endpoint.toView()));
    return endpoint.getId();
  }

  /**
   * Changes an endpoint. A new address applies to every account on it at once: their passwords go
   * there from now on, which is why only administrators may do it and why it is audited.
   */
  @Transactional
  Optional<EndpointView> update(long id, EndpointForm form) {
    Optional<GatewayEndpoint> found = endpoints.findById(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    refuseTaken(form, id);
    GatewayEndpoint endpoint = found.get();
    EndpointView before = endpoint.toView();
    endpoint.apply(form, CurrentActor.name(), clock.instant());
    try {
      endpoints.flush();
    } catch (DataIntegrityViolationException raced) {
      throw new EndpointTakenException("name");
    }
    String changes = changes(before, endpoint.toView());
    if (!changes.isEmpty()) {
      record(AuditAction.ENDPOINT_CHANGED, endpoint, changes);
    }
    return Optional.of(endpoint.toView());
  }

  /**
   * Retires an endpoint, unless accounts still use it: then nothing changes and the answer lists
   * them, for the administrator to move or deactivate first.
   */
  Optional<List<AccountUse>> retire(long id) {
    return everyTenant(
        () -> {
          Optional<GatewayEndpoint> found = endpoints.findLockedById(id);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          List<AccountUse> using = uses(accounts.findByEndpointIdOrderByTenantIdAscNameAsc(id));
          if (!using.isEmpty()) {
            return Optional.of(using);
          }
          GatewayEndpoint endpoint = found.get();
          if (endpoint.isActive()) {
            endpoint.activate(false, CurrentActor.name(), clock.instant());
            record(AuditAction.ENDPOINT_RETIRED, endpoint, "active → retired");
          }
          return Optional.of(List.<AccountUse>of());
        });
  }

  @Transactional
  boolean reactivate(long id) {
    return endpoints
        .findById(id)
        .map(
            endpoint -> {
              if (!endpoint.isActive()) {
                endpoint.activate(true, CurrentActor.name(), clock.instant());
                record(AuditAction.ENDPOINT_REACTIVATED, endpoint, "retired → active");
              }
              return true;
            })
        .orElse(false);
  }

  /** The accounts of every tenant that use the endpoint. */
  public List<AccountUse> accountsUsing(long endpointId) {
    return everyTenant(() -> uses(accounts.findByEndpointIdOrderByTenantIdAscNameAsc(endpointId)));
  }

  /** The gateway accounts registered more than once (only possible from before the rule). */
  public List<SharedIdentity> sharedIdentities() {
    return everyTenant(
        () -> {
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
        });
  }

  /**
   * Set-up by the system (the demo, tests): the endpoint of this name points at this address
   * afterwards, created if missing; an endpoint that already has the address is reused as it is.
   */
  @Transactional
  public long ensure(String name, String baseUrl, GatewayCharset charset) {
    String url = EndpointForm.normalized(baseUrl);
    EndpointForm form = new EndpointForm(name, url, charset, null, null);
    Optional<GatewayEndpoint> named = endpoints.findByName(name);
    if (named.isPresent()) {
      GatewayEndpoint endpoint = named.get();
      if (!endpoint.getBaseUrl().equals(url) || !endpoint.isActive()) {
        EndpointView before = endpoint.toView();
        endpoint.apply(form, CurrentActor.name(), clock.instant());
        endpoint.activate(true, CurrentActor.name(), clock.instant());
        record(AuditAction.ENDPOINT_CHANGED, endpoint, changes(before, endpoint.toView()));
      }
      return endpoint.getId();
    }
    return endpoints
        .findByBaseUrl(url)
        .map(GatewayEndpoint::getId)
        .orElseGet(
            () -> {
              GatewayEndpoint endpoint =
                  new GatewayEndpoint(form, CurrentActor.name(), clock.instant());
              endpoints.saveAndFlush(endpoint);
              record(AuditAction.ENDPOINT_CREATED, endpoint, describe(endpoint.toView()));
              return endpoint.getId();
            });
  }

  /** Whether any endpoint exists yet (the first one comes from configuration). */
  @Transactional(readOnly = true)
  boolean none() {
    return endpoints.count() == 0;
  }

  private void refuseTaken(EndpointForm form, Long self) {
    endpoints
        .findByName(form.name().strip())
        .filter(e -> !e.getId().equals(self))
        .ifPresent(
            e -> {
              throw new EndpointTakenException("name");
            });
    endpoints
        .findByBaseUrl(EndpointForm.normalized(form.baseUrl()))
        .filter(e -> !e.getId().equals(self))
        .ifPresent(
            e -> {
              throw new EndpointTakenException("baseUrl");
            });
  }

  private SharedIdentity shared(List<GatewayAccount> group) {
    GatewayAccount first = group.get(0);
    EndpointView endpoint = endpoints.findById(first.getEndpointId()).orElseThrow().toView();
    return new SharedIdentity(endpoint, first.getUserid(), uses(group));
  }

  private static boolean sameIdentity(GatewayAccount a, GatewayAccount b) {
    return Objects.equals(a.getEndpointId(), b.getEndpointId())
        && a.getUserid().equals(b.getUserid())
        && GatewayAccount.accountKey(a.getAccount())
            .equals(GatewayAccount.accountKey(b.getAccount()));
  }

  /**
   * Runs work in one transaction that sees every tenant's accounts, whoever asks (an administrator
   * viewing as a tenant too): what uses an endpoint is a question about the whole portal.
   */
  private <T> T everyTenant(Supplier<T> work) {
    return TenantContext.callAs(
        TenantContext.ALL_TENANTS, () -> transaction.execute(status -> work.get()));
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

  private void record(AuditAction action, GatewayEndpoint endpoint, String detail) {
    audit.record(
        AuditEntry.success(
                action, "gateway endpoint " + endpoint.getId() + " (" + endpoint.getName() + ")")
            .detail(detail.length() > 500 ? detail.substring(0, 500) : detail));
  }

  private static String describe(EndpointView e) {
    return "name: "
        + e.name()
        + "; base URL: "
        + e.baseUrl()
        + "; default charset: "
        + e.defaultCharset()
        + (e.note() == null ? "" : "; note: " + e.note());
  }

  private static String changes(EndpointView before, EndpointView after) {
    List<String> parts = new ArrayList<>();
    change(parts, "name", before.name(), after.name());
    change(parts, "base URL", before.baseUrl(), after.baseUrl());
    change(parts, "default charset", before.defaultCharset(), after.defaultCharset());
    change(parts, "note", before.note(), after.note());
    change(parts, "max chunk size", before.maxChunkSize(), after.maxChunkSize());
    change(parts, "active", before.active(), after.active());
    return String.join("; ", parts);
  }

  private static void change(List<String> parts, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      parts.add(
          what + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
    }
  }
}
