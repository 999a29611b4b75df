package com.smsportal.user.session;

/**
 * Ends the sessions of a user, on every node: sessions are kept in the database by Spring Session
 * ({@link RepositoryUserSessions}).
 */
public interface UserSessions {

  /**
   * Ends every session of the user except the one with id {@code keepSessionId} (null: ends all);
   * their next request goes to the login page. The number ended. A session whose id changes in this
   * request is known by its former id until the request ends: keep it by that one.
   */
  int endAll(String username, String keepSessionId);
}
