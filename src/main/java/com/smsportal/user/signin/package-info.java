/**
 * Signing in: the login form and its password check inside the throttle, the code page of a user
 * with a second factor (the session is not signed in until the code is right), what every completed
 * sign-in does to its session, and the steps a signed-in user must take before anything else
 * (replace a temporary password, enrol a second factor where one is required).
 */
package com.smsportal.user.signin;
