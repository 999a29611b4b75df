/**
 * The opt-out list's entity and its page ({@code /optouts}); the list itself is kept through {@link
 * com.smsportal.sending.OptOuts}.
 */
package com.smsportal.sending.optout;
