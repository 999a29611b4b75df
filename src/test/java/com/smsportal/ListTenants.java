package com.smsportal;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationContext;

/**
 * Tenants of their own for tests that fill the list pages: a tenant with one customer and one
 * gateway account that is never called (its endpoint is a closed port), and its scheduled jobs.
 */
public final class ListTenants {

  public static final String PASSWORD = "a-good-password-1";

  /** A tenant, its customer's user name and its gateway account. */
  public record Customer(long tenantId, String username, long accountId) {}

  private final ApplicationContext context;

  public ListTenants(ApplicationContext context) {
    this.context = context;
  }

  /** A new tenant named {@code prefix} plus a random suffix, with its customer and account. */
  public Customer customer(String prefix) {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    long id = context.getBean(TenantService.class).create(name).id();
    context.getBean(UserService.class).create(name, PASSWORD, Role.TENANT_ADMIN, id);
    GatewayEndpoints endpoints = context.getBean(GatewayEndpoints.class);
    long account =
        TenantContext.callAs(
            id,
            () ->
                context
                    .getBean(GatewayAccounts.class)
                    .ensure(
                        name,
                        TestEndpoints.of(endpoints, "http://127.0.0.1:1"),
                        GatewayCharset.UTF8,
                        "1",
                        name,
                        "pw"));
    return new Customer(id, name, account);
  }

  /** A job of {@code numbers} numbers (1390… in order) due in 30 days; returns its id. */
  public long scheduledJob(Customer customer, int numbers, String content) {
    String mobiles =
        IntStream.range(0, numbers)
            .mapToObj(n -> String.format("1390%07d", n))
            .collect(Collectors.joining("\n"));
    SendOrder order =
        new SendOrder(
            customer.accountId(),
            mobiles,
            content,
            Instant.now().plus(Duration.ofDays(30)),
            "",
            UUID.randomUUID().toString());
    return TenantContext.callAs(
            customer.tenantId(), () -> context.getBean(SendJobs.class).submit(order))
        .jobId();
  }
}
