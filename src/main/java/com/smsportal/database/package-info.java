/**
 * What the portal needs of its database beyond the schema: that Hibernate sees the real server,
 * MariaDB reached through MySQL Connector/J included ({@link
 * com.smsportal.database.MariaDbDialectResolver}), and that a commit is on disk when it returns,
 * checked at start-up ({@code DurabilityCheck}).
 */
package com.smsportal.database;
