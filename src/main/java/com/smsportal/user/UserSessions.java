package com.smsportal.user;

/**
 * Ends the sessions of a user. One small interface so that where sessions live can change: today
 * Spring Security's {@code SessionRegistry} in this node's memory ({@link RegistryUserSessions});
 * once sessions are kept in the database (Spring Session JDBC, a later issue) an implementation
 * over its {@code FindByIndexNameSessionRepository} ends them on every node.
 */
interface UserSessions {

  /**
   * Ends every session of the user except the one with id {@code keepSessionId} (null: ends all);
   * their next request goes to the login page. The number ended.
   */
  int endAll(String username, String keepSessionId);
}
