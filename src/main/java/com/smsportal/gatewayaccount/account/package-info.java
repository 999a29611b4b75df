/**
 * The gateway account itself: the entity and its repository, its pages ({@code /accounts}, "test
 * connection"), its changes ({@link com.smsportal.gatewayaccount.account.AccountChanges}: created,
 * edited, verified, each gateway account claimed by one row only) and its reads ({@link
 * com.smsportal.gatewayaccount.account.AccountQueries}). Its password is stored only encrypted,
 * bound to its row and gateway account ({@code CredentialBinding}), re-encrypted under a new key by
 * the rotation command and rebound from the first format at start-up. The decrypted password leaves
 * this package only inside a gateway login for the module's own callers ({@link
 * com.smsportal.gatewayaccount.account.AccountLogins}, {@link
 * com.smsportal.gatewayaccount.account.RotationSteps}).
 */
package com.smsportal.gatewayaccount.account;
