/**
 * Portal users and their roles, form login, brute-force lockout with recorded attempts, and the web
 * security rules every route is held to.
 */
package com.smsportal.user;
