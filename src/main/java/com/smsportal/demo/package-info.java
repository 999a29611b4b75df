/**
 * The demo: its tenants, users (password in the README) and gateway accounts on the simulator, the
 * guard that keeps the demo on the loopback interface, and the guard that refuses a portal started
 * without the demo on a database that still holds the demo's users (or removes them when told).
 * Nothing depends on it; it uses the user module's {@code SeededUsers} to mark and remove its
 * users.
 */
package com.smsportal.demo;
