-- Issue 20: every login counter in one table, changed only by single conditional statements, so
-- that an attempt is counted (reserved) before its password or code is checked, on any node.
-- counter_key is the kind and what is counted: a user name (or, for names that do not exist, a
-- hash slot of the name) with or without a client address, a client address, a pending sign-in.
-- Times are epoch milliseconds (no time zone can shift them between nodes or drivers).
CREATE TABLE login_counter (
  counter_key VARCHAR(191) NOT NULL PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  username VARCHAR(64) NULL,
  client VARCHAR(64) NULL,
  attempts INT NOT NULL,
  blocked_until BIGINT NULL,
  last_at BIGINT NOT NULL
);

CREATE INDEX ix_login_counter_kind_last ON login_counter (kind, last_at);
CREATE INDEX ix_login_counter_username ON login_counter (username);

-- The old counters (read before the check, written after it) go; their locks end with them.
DROP TABLE login_throttle;
DROP TABLE login_client_throttle;
