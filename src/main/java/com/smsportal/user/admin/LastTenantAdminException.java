package com.smsportal.user.admin;

/** The change would leave the tenant without an enabled admin: nobody could manage its users. */
class LastTenantAdminException extends RuntimeException {

  LastTenantAdminException() {
    super("the tenant's last enabled admin stays");
  }
}
