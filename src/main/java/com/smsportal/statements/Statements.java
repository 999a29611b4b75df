package com.smsportal.statements;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.NotFoundException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The accounts whose statements the current user may read, and their statements. Every look-up of
 * an account goes through {@link GatewayAccounts}, filtered by the current tenant context: a
 * tenant's users find their own accounts, staff on a visit ("view as") the visited tenant's, staff
 * outside a visit every tenant's (and the page's visit is audited by {@code
 * tenant.admin.CrossTenantViews}).
 */
@Service
class Statements {

  /** An account to choose on the page: its id and how it is named there. */
  record AccountOption(long id, String label) {}

  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final StatementQueries queries;

  Statements(GatewayAccounts accounts, TenantService tenants, StatementQueries queries) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.queries = queries;
  }

  /** The accounts the user may choose, by tenant name (staff outside a visit) and account name. */
  List<AccountOption> options() {
    List<GatewayAccountView> views = accounts.list();
    boolean allTenants = TenantContext.current() == TenantContext.ALL_TENANTS;
    Map<Long, String> names = allTenants ? tenants.names() : Map.of();
    List<AccountOption> options = new ArrayList<>(views.size());
    views.stream()
        .sorted(
            Comparator.comparing((GatewayAccountView a) -> names.getOrDefault(a.tenantId(), ""))
                .thenComparing(GatewayAccountView::name))
        .forEach(
            a ->
                options.add(
                    new AccountOption(
                        a.id(),
                        allTenants
                            ? names.getOrDefault(a.tenantId(), "#" + a.tenantId())
                                + " · "
                                + a.name()
                            : a.name())));
    return options;
  }

  /**
   * The account a statement is of: the one asked for, or without one the first of {@code options};
   * empty when none was asked for and the user has none. An account asked for that the user may not
   * see (another tenant's, or none) is the portal's 404.
   */
  Optional<GatewayAccountView> chosen(Long requested, List<AccountOption> options) {
    if (requested == null && options.isEmpty()) {
      return Optional.empty();
    }
    long id = requested != null ? requested : options.get(0).id();
    return Optional.of(accounts.find(id).orElseThrow(NotFoundException::new));
  }

  MonthStatement of(GatewayAccountView account, YearMonth month) {
    String tenantName = tenants.find(account.tenantId()).map(TenantView::name).orElse("");
    return queries.month(account, tenantName, month);
  }
}
