/**
 * What the portal needs of its database beyond the schema: that Hibernate sees the real server,
 * MariaDB reached through MySQL Connector/J included ({@link
 * com.smsportal.database.MariaDbDialectResolver}).
 */
package com.smsportal.database;
