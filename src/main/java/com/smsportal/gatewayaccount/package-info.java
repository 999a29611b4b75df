/**
 * Gateway accounts: the tenants' accounts at the upstream gateway with their passwords encrypted at
 * rest ({@link com.smsportal.gatewayaccount.GatewayAccounts} is the facade), the gateway endpoints
 * the portal may call, and the safe rotation of the gateway passwords. The only module that ever
 * holds a decrypted gateway password: others ask it to act as an account ({@link
 * com.smsportal.gatewayaccount.GatewayAccess#call}).
 */
package com.smsportal.gatewayaccount;
