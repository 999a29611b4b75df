-- Issue 23: a send is confirmed before it is stored. The first POST /send reads the numbers (pasted
-- or a file, read once) and keeps what it showed here, under a random token bound to the user and
-- tenant; the confirming POST stores exactly these numbers as the job. In the database, not in a
-- node's files, so the confirmation may reach any node. Rows expire (created_at, epoch ms).
CREATE TABLE send_staged (
  token VARCHAR(64) NOT NULL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  username VARCHAR(64) NOT NULL,
  account_id BIGINT NOT NULL,
  content VARCHAR(2000) NOT NULL,
  send_time BIGINT NULL,
  extno VARCHAR(10) NOT NULL,
  idempotency_key VARCHAR(64) NOT NULL,
  numbers LONGTEXT NOT NULL,
  number_count INT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE INDEX ix_send_staged_created ON send_staged (created_at);
