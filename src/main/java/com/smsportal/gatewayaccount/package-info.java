/**
 * Gateway accounts: the tenants' accounts at the upstream gateway, their passwords encrypted at
 * rest and bound to where they go, the gateway endpoints the portal may call, and the safe rotation
 * of the gateway passwords.
 *
 * <p>The rule of this module: it is the only one that ever holds a decrypted gateway password.
 * Other modules never receive one; they ask it to act as an account ({@link
 * com.smsportal.gatewayaccount.GatewayAccess#call}, with an {@link
 * com.smsportal.gatewayaccount.AccountGateway} that works only inside the call), so the send and
 * poll flows read sending/polling → gatewayaccount → gateway.
 *
 * <p>This base package is the module's API: the facades ({@link
 * com.smsportal.gatewayaccount.GatewayAccounts} to read accounts and set them up, {@link
 * com.smsportal.gatewayaccount.GatewayAccess} to act as one, {@link
 * com.smsportal.gatewayaccount.GatewayEndpoints} to set up an endpoint) and the values and
 * exceptions they give. The work is done in sub-packages, internal to the module: {@code account}
 * (the account entity and its pages, its changes and reads, the logins with the decrypted password,
 * the bindings and re-encryption of the stored passwords, a rotation's steps on the row), {@code
 * endpoint} (the endpoints, their look-up and guard, their administration and pages) and {@code
 * rotation} (the rotation protocol with the gateway, its page, its retry).
 */
package com.smsportal.gatewayaccount;
