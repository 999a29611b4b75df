/** The home page: what a user sees first after login, gathered from the other modules' facades. */
package com.smsportal.dashboard;
