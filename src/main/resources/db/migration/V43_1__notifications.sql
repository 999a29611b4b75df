-- Issue 26: notices that reach people. A notice is one user's: its kind and the values of its
-- sentence (params, separated by U+001F), rendered in the reader's language when it is shown or
-- mailed, never stored as text; the page it links to; read_at once the user marked it read.
CREATE TABLE notice (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  params VARCHAR(1000) NOT NULL,
  link VARCHAR(300) NULL,
  created_at DATETIME(6) NOT NULL,
  read_at DATETIME(6) NULL,
  CONSTRAINT fk_notice_user FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE CASCADE
);

-- The page (a user's newest first) and the bell (a user's unread).
CREATE INDEX ix_notice_user ON notice (user_id, created_at, id);
CREATE INDEX ix_notice_unread ON notice (user_id, read_at);

-- What happened once per episode (a balance fall, an account gone silent since its last successful
-- poll): written with the notices of it, so that two nodes noticing the same thing at once notify
-- once (the second insert meets uq_notice_episode and its transaction writes nothing).
CREATE TABLE notice_episode (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  subject BIGINT NOT NULL,
  episode VARCHAR(64) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uq_notice_episode UNIQUE (kind, subject, episode)
);

-- The mail outbox: at most one row per notice (uq_notice_mail), written with the notice for a user
-- who chose mail for its kind, with the address and language chosen then. state: PENDING (to send
-- at next_attempt_at), SENT (never sent again), FAILED (max attempts reached). A node sends a row
-- only under its claim (lease_owner until lease_until, the database's clock).
CREATE TABLE notice_mail (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  notice_id BIGINT NOT NULL,
  address VARCHAR(254) NOT NULL,
  language VARCHAR(10) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  next_attempt_at DATETIME(6) NOT NULL,
  sent_at DATETIME(6) NULL,
  last_error VARCHAR(200) NULL,
  lease_owner VARCHAR(64) NULL,
  lease_until DATETIME(3) NULL,
  CONSTRAINT uq_notice_mail UNIQUE (notice_id),
  CONSTRAINT fk_notice_mail_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
);

CREATE INDEX ix_notice_mail_due ON notice_mail (state, next_attempt_at, id);

-- A user's choices: the kinds also mailed (comma separated; none: in-app only, the default), the
-- address and the mails' language.
CREATE TABLE notice_preference (
  user_id BIGINT PRIMARY KEY,
  mail_kinds VARCHAR(300) NOT NULL,
  email VARCHAR(254) NULL,
  language VARCHAR(10) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_notice_preference_user FOREIGN KEY (user_id) REFERENCES portal_user (id)
    ON DELETE CASCADE
);
