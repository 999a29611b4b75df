-- Status reports, replies and opt-outs (issue 6). The gateway hands out each report and reply once
-- only, so the poller first stores the whole answer as it came (poll_inbox, committed), then
-- parses it and upserts its items idempotently: the unique keys below make a report or reply that
-- is fetched twice, or replayed from the spool, a no-op. Written once for H2 (MODE=MySQL) and
-- MySQL/MariaDB alike. Times are UTC.

-- Every answer of statusApi/callApi that carried anything, as received. NEW until its items are
-- stored; PROCESSED after; UNPARSEABLE when it could not be read (kept for an administrator, never
-- dropped). The poller is a system task: these rows are not tenant-filtered (admins only).
CREATE TABLE poll_inbox (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  kind VARCHAR(10) NOT NULL,
  source VARCHAR(10) NOT NULL,
  state VARCHAR(12) NOT NULL,
  fetched_at DATETIME(6) NOT NULL,
  body LONGTEXT NOT NULL,
  item_count INT NULL,
  processed_at DATETIME(6) NULL,
  problem VARCHAR(500) NULL,
  CONSTRAINT fk_poll_inbox_account FOREIGN KEY (account_id) REFERENCES gateway_account (id)
);

CREATE INDEX ix_poll_inbox_state ON poll_inbox (state, id);
CREATE INDEX ix_poll_inbox_account ON poll_inbox (account_id, state);

-- One delivery status report. receive_time is the gateway's text exactly (part of the identity of
-- a report); received_at is that time read in Asia/Shanghai, or the fetch time if unreadable.
-- job_id/number_id are set when the report matched a sent number (account, task id, mobile).
CREATE TABLE status_report (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  inbox_id BIGINT NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  mobile VARCHAR(20) NOT NULL,
  status INT NOT NULL,
  receive_time VARCHAR(32) NOT NULL,
  received_at DATETIME(6) NOT NULL,
  error_code VARCHAR(32) NOT NULL,
  extno VARCHAR(20) NOT NULL,
  fetched_at DATETIME(6) NOT NULL,
  job_id BIGINT NULL,
  CONSTRAINT uq_status_report UNIQUE (account_id, task_id, mobile, status, receive_time)
);

-- Keyset paging, newest first, per tenant and per filter.
CREATE INDEX ix_status_report_time ON status_report (tenant_id, received_at, id);
CREATE INDEX ix_status_report_mobile ON status_report (tenant_id, mobile, received_at, id);
CREATE INDEX ix_status_report_task ON status_report (tenant_id, task_id, received_at, id);

-- One inbound reply (上行), written by a member of the public: shown only escaped. content_hash is
-- the SHA-256 of the content (hex), so that two different replies in the same second are two rows
-- and the same reply fetched twice is one.
CREATE TABLE reply (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  inbox_id BIGINT NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  mobile VARCHAR(20) NOT NULL,
  content VARCHAR(1000) NOT NULL,
  content_hash CHAR(64) NOT NULL,
  receive_time VARCHAR(32) NOT NULL,
  received_at DATETIME(6) NOT NULL,
  extno VARCHAR(20) NOT NULL,
  fetched_at DATETIME(6) NOT NULL,
  job_id BIGINT NULL,
  opt_out BOOLEAN NOT NULL,
  CONSTRAINT uq_reply UNIQUE (account_id, mobile, receive_time, task_id, content_hash)
);

CREATE INDEX ix_reply_time ON reply (tenant_id, received_at, id);
CREATE INDEX ix_reply_mobile ON reply (tenant_id, mobile, received_at, id);

-- A tenant's numbers that asked not to be messaged: sends exclude them. From an opt-out reply
-- (source REPLY, reply_id set) or added by a person (MANUAL).
CREATE TABLE opt_out (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  mobile VARCHAR(11) NOT NULL,
  source VARCHAR(10) NOT NULL,
  reply_id BIGINT NULL,
  note VARCHAR(200) NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  CONSTRAINT fk_opt_out_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT uq_opt_out UNIQUE (tenant_id, mobile)
);

CREATE INDEX ix_opt_out_created ON opt_out (tenant_id, created_at, id);

-- What the poller knows of each account, for /admin/pollers and for backing off after errors.
CREATE TABLE poller_state (
  account_id BIGINT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  last_attempt_at DATETIME(6) NULL,
  last_success_at DATETIME(6) NULL,
  last_error_at DATETIME(6) NULL,
  last_error VARCHAR(500) NULL,
  failures INT NOT NULL,
  next_poll_at DATETIME(6) NULL,
  fetched_day DATE NULL,
  fetched_today BIGINT NOT NULL,
  CONSTRAINT fk_poller_state_account FOREIGN KEY (account_id) REFERENCES gateway_account (id)
);

-- ShedLock (JDBC provider, database time): one node polls an account at a time.
CREATE TABLE shedlock (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP(3) NOT NULL,
  locked_at TIMESTAMP(3) NOT NULL,
  locked_by VARCHAR(255) NOT NULL
);

-- A number's delivery outcome as its status report told it.
ALTER TABLE send_number ADD COLUMN carrier_code VARCHAR(32) NULL;
ALTER TABLE send_number ADD COLUMN reported_at DATETIME(6) NULL;
