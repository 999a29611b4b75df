package com.smsportal.gatewayaccount.account;

/**
 * The gateway account (endpoint, userid, account) is already registered in the portal. Two portal
 * accounts on one gateway account would split its fetch-once report queue between two pollers, and
 * a password rotation on one would lock the other out. Which tenant holds it is never told.
 */
class IdentityTakenException extends RuntimeException {

  IdentityTakenException() {
    super("this gateway account is already registered in the portal");
  }
}
