package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.endpoint.EndpointUsers.AccountUse;
import com.smsportal.gatewayaccount.endpoint.EndpointUsers.SharedIdentity;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.util.ArrayList;
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
 * The administrators' work on the gateway endpoints the portal may call: add, change, retire (never
 * while an account uses the endpoint) and reactivate; and the system's own set-up of one. Every
 * change is audited with its old and new values. What the accounts on an endpoint are comes from
 * {@link EndpointUsers}.
 */
@Service
public class EndpointAdministration {

  private final GatewayEndpointRepository endpoints;
  private final EndpointUsers users;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  EndpointAdministration(
      GatewayEndpointRepository endpoints,
      EndpointUsers users,
      AuditLog audit,
      TransactionTemplate transaction,
      Clock clock) {
    this.endpoints = endpoints;
    this.users = users;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** An endpoint with the number of accounts using it, for the admin's list. */
  public record EndpointRow(EndpointView endpoint, long accounts) {}

  /** Every endpoint, active ones first, with how many accounts of all tenants use each. */
  List<EndpointRow> all() {
    return everyTenant(
        () -> {
          Map<Long, Long> counts = users.countByEndpoint();
          return endpoints.findAllByOrderByActiveDescNameAscIdAsc().stream()
              .map(e -> new EndpointRow(e.toView(), counts.getOrDefault(e.getId(), 0L)))
              .toList();
        });
  }

  /**
   * Adds an endpoint.
   *
   * @throws EndpointTakenException if its name or address is already an endpoint's
   */
  @Transactional
  long create(EndpointSettings settings) {
    refuseTaken(settings, null);
    GatewayEndpoint endpoint = new GatewayEndpoint(settings, CurrentActor.name(), clock.instant());
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
  Optional<EndpointView> update(long id, EndpointSettings settings) {
    Optional<GatewayEndpoint> found = endpoints.findById(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    refuseTaken(settings, id);
    GatewayEndpoint endpoint = found.get();
    EndpointView before = endpoint.toView();
    endpoint.apply(settings, CurrentActor.name(), clock.instant());
    try {
      endpoints.flush();
    } catch (DataIntegrityViolationException raced) {
      throw new EndpointTakenException("name");
    }
    AuditDetail changes = changes(before, endpoint.toView());
    if (changes != null) {
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
          List<AccountUse> using = users.using(id);
          if (!using.isEmpty()) {
            return Optional.of(using);
          }
          GatewayEndpoint endpoint = found.get();
          if (endpoint.isActive()) {
            endpoint.activate(false, CurrentActor.name(), clock.instant());
            record(AuditAction.ENDPOINT_RETIRED, endpoint, status(true, false));
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
                record(AuditAction.ENDPOINT_REACTIVATED, endpoint, status(false, true));
              }
              return true;
            })
        .orElse(false);
  }

  /** The accounts of every tenant that use the endpoint. */
  List<AccountUse> accountsUsing(long endpointId) {
    return everyTenant(() -> users.using(endpointId));
  }

  /** The gateway accounts registered more than once (only possible from before the rule). */
  List<SharedIdentity> sharedIdentities() {
    return everyTenant(users::sharedIdentities);
  }

  /**
   * Set-up by the system (the demo, tests): the endpoint of this name points at this address
   * afterwards, created if missing; an endpoint that already has the address is reused as it is.
   */
  @Transactional
  public long ensure(String name, String baseUrl, GatewayCharset charset) {
    EndpointSettings settings = new EndpointSettings(name, baseUrl, charset, null, null);
    String url = settings.baseUrl();
    Optional<GatewayEndpoint> named = endpoints.findByName(name);
    if (named.isPresent()) {
      GatewayEndpoint endpoint = named.get();
      if (!endpoint.getBaseUrl().equals(url) || !endpoint.isActive()) {
        EndpointView before = endpoint.toView();
        endpoint.apply(settings, CurrentActor.name(), clock.instant());
        endpoint.activate(true, CurrentActor.name(), clock.instant());
        AuditDetail changes = changes(before, endpoint.toView());
        if (changes != null) {
          record(AuditAction.ENDPOINT_CHANGED, endpoint, changes);
        }
      }
      return endpoint.getId();
    }
    return endpoints
        .findByBaseUrl(url)
        .map(GatewayEndpoint::getId)
        .orElseGet(
            () -> {
              GatewayEndpoint endpoint =
                  new GatewayEndpoint(settings, CurrentActor.name(), clock.instant());
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

  private void refuseTaken(EndpointSettings settings, Long self) {
    endpoints
        .findByName(settings.name())
        .filter(e -> !e.getId().equals(self))
        .ifPresent(
            e -> {
              throw new EndpointTakenException("name");
            });
    endpoints
        .findByBaseUrl(settings.baseUrl())
        .filter(e -> !e.getId().equals(self))
        .ifPresent(
            e -> {
              throw new EndpointTakenException("baseUrl");
            });
  }

  /**
   * Runs work in one transaction that sees every tenant's accounts, whoever asks (an administrator
   * viewing as a tenant too): what uses an endpoint is a question about the whole portal.
   */
  private <T> T everyTenant(Supplier<T> work) {
    return TenantContext.callAs(
        TenantContext.ALL_TENANTS, () -> transaction.execute(status -> work.get()));
  }

  private void record(AuditAction action, GatewayEndpoint endpoint, AuditDetail detail) {
    audit.record(
        AuditEntry.success(
                action,
                AuditDetail.of("audit.target.endpoint", endpoint.getId(), endpoint.getName()))
            .detail(detail));
  }

  private static AuditDetail describe(EndpointView e) {
    AuditDetail detail =
        AuditDetail.of("audit.detail.field", AuditDetail.text("endpoints.field.name"), e.name())
            .and("audit.detail.field", AuditDetail.text("endpoints.field.baseUrl"), e.baseUrl())
            .and(
                "audit.detail.field",
                AuditDetail.text("endpoints.field.charset"),
                e.defaultCharset());
    return e.note() == null
        ? detail
        : detail.and("audit.detail.field", AuditDetail.text("endpoints.field.note"), e.note());
  }

  private static AuditDetail status(boolean before, boolean after) {
    return AuditDetail.of(
        "audit.detail.fieldChange",
        AuditDetail.text("endpoints.col.status"),
        AuditDetail.text(before ? "endpoints.status.active" : "endpoints.status.retired"),
        AuditDetail.text(after ? "endpoints.status.active" : "endpoints.status.retired"));
  }

  /** What changed, each "field: before → after"; null if nothing did. */
  private static AuditDetail changes(EndpointView before, EndpointView after) {
    List<AuditDetail> parts = new ArrayList<>();
    change(parts, "endpoints.field.name", before.name(), after.name());
    change(parts, "endpoints.field.baseUrl", before.baseUrl(), after.baseUrl());
    change(parts, "endpoints.field.charset", before.defaultCharset(), after.defaultCharset());
    change(parts, "endpoints.field.note", before.note(), after.note());
    change(parts, "endpoints.field.maxChunkSize", before.maxChunkSize(), after.maxChunkSize());
    if (before.active() != after.active()) {
      parts.add(status(before.active(), after.active()));
    }
    return parts.stream().reduce(AuditDetail::and).orElse(null);
  }

  private static void change(List<AuditDetail> parts, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      parts.add(AuditDetail.of("audit.detail.fieldChange", AuditDetail.text(what), before, after));
    }
  }
}
