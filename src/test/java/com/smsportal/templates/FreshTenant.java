package com.smsportal.templates;

import com.smsportal.Logins;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.util.UUID;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tenant of its own with a signed-in customer: signatures change what a tenant may send, so these
 * tests never give Acme or Globex one.
 */
record FreshTenant(long id, String name, MockHttpSession customer) {

  static FreshTenant create(MockMvc mvc, TenantService tenants, UserService users)
      throws Exception {
    String name = "tpl-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(name).id();
    users.create(name, "a-good-password", Role.TENANT_ADMIN, tenant);
    return new FreshTenant(tenant, name, Logins.as(mvc, name, "a-good-password"));
  }
}
