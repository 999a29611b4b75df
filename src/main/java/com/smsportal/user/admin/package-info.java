/**
 * What support does to portal users: create customers and staff with a temporary password shown
 * once (sealed while it waits in the session store), disable, enable, reset passwords and second
 * factors, require a second factor of a tenant; and the first administrator from configuration.
 */
package com.smsportal.user.admin;
