/**
 * The gateway endpoints: the addresses at the vendor the portal may call, which only administrators
 * set ({@code /admin/endpoints}) and accounts choose among; nobody else ever types a URL. {@link
 * com.smsportal.gatewayaccount.endpoint.EndpointDirectory} looks them up for the accounts and
 * guards the gateway client; {@link com.smsportal.gatewayaccount.endpoint.EndpointAdministration}
 * changes them, audited. What they must know of the accounts on an endpoint they ask through {@link
 * com.smsportal.gatewayaccount.endpoint.EndpointUsers}, so this package never imports the
 * accounts'.
 */
package com.smsportal.gatewayaccount.endpoint;
