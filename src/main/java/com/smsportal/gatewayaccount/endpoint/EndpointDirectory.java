package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.EndpointGuard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway endpoints as the accounts and the gateway client look them up: the active ones an
 * account may choose, an endpoint's name and address; and the {@link EndpointGuard} of the gateway
 * client, so that only their addresses are ever called. It changes nothing: administrators change
 * endpoints through {@link EndpointAdministration}.
 */
@Service
public class EndpointDirectory implements EndpointGuard {

  private final GatewayEndpointRepository endpoints;
  private final JdbcTemplate jdbc;

  EndpointDirectory(GatewayEndpointRepository endpoints, JdbcTemplate jdbc) {
    this.endpoints = endpoints;
    this.jdbc = jdbc;
  }

  /**
   * Asked before every call to the gateway (two per account and poll): one statement, no
   * transaction of its own (issue 27: a read-only transaction costs four round trips where the
   * query is one).
   */
  @Override
  public boolean permits(String baseUrl) {
    return baseUrl != null
        && jdbc.queryForObject(
                "select count(*) from gateway_endpoint where base_url = ? and active = true",
                Long.class,
                baseUrl)
            > 0;
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

  /** The endpoint, if it is an active one. */
  @Transactional(readOnly = true)
  public Optional<EndpointView> findActive(Long id) {
    return id == null ? Optional.empty() : find(id).filter(EndpointView::active);
  }

  /**
   * The chosen endpoint, locked until the caller's transaction ends, so that it cannot be retired
   * while an account joins it.
   *
   * @throws EndpointUnavailableException if it does not exist or is retired
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public EndpointView lockActive(Long id) {
    return Optional.ofNullable(id)
        .flatMap(endpoints::findLockedById)
        .filter(GatewayEndpoint::isActive)
        .map(GatewayEndpoint::toView)
        .orElseThrow(EndpointUnavailableException::new);
  }

  /** Every endpoint's name, by id. */
  @Transactional(readOnly = true)
  public Map<Long, String> names() {
    return endpoints.findAll().stream()
        .collect(Collectors.toMap(GatewayEndpoint::getId, GatewayEndpoint::getName));
  }
}
