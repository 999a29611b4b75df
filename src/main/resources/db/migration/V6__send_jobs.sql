-- Send jobs (issue 5): a job and all its numbers, split into chunks of the account's chunk size,
-- are stored before anything is sent. A chunk is marked SUBMITTING before its call to the gateway,
-- so that after a crash nobody can mistake a chunk that may have gone out for one that did not
-- (SUBMITTING becomes UNKNOWN and is never resent automatically). The chunk keeps what the gateway
-- answered: raw answer, taskID, successCounts, remainpoint. Numbers carry their own state, later
-- updated by the status reports, found through (account_id, task_id) and then (chunk_id, mobile).
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike. Times are UTC.

CREATE TABLE send_job (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  idempotency_key VARCHAR(64) NOT NULL,
  content VARCHAR(2000) NOT NULL,
  send_time DATETIME(6) NULL,
  extno VARCHAR(10) NOT NULL,
  state VARCHAR(20) NOT NULL,
  number_count INT NOT NULL,
  segments INT NOT NULL,
  chunk_count INT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  CONSTRAINT fk_send_job_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT fk_send_job_account FOREIGN KEY (account_id) REFERENCES gateway_account (id),
  CONSTRAINT uq_send_job_idempotency UNIQUE (tenant_id, idempotency_key)
);

CREATE INDEX ix_send_job_tenant ON send_job (tenant_id, created_at);

CREATE TABLE send_chunk (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  seq INT NOT NULL,
  state VARCHAR(20) NOT NULL,
  number_count INT NOT NULL,
  due_at DATETIME(6) NOT NULL,
  attempts INT NOT NULL,
  attempted_at DATETIME(6) NULL,
  answered_at DATETIME(6) NULL,
  task_id VARCHAR(64) NULL,
  success_counts BIGINT NULL,
  remainpoint BIGINT NULL,
  raw_answer VARCHAR(4000) NULL,
  error VARCHAR(40) NULL,
  message VARCHAR(500) NULL,
  CONSTRAINT fk_send_chunk_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT fk_send_chunk_job FOREIGN KEY (job_id) REFERENCES send_job (id),
  CONSTRAINT uq_send_chunk_seq UNIQUE (job_id, seq)
);

CREATE INDEX ix_send_chunk_due ON send_chunk (state, due_at);
CREATE INDEX ix_send_chunk_task ON send_chunk (account_id, task_id);

CREATE TABLE send_number (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  chunk_id BIGINT NOT NULL,
  mobile VARCHAR(11) NOT NULL,
  state VARCHAR(20) NOT NULL,
  CONSTRAINT fk_send_number_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT fk_send_number_job FOREIGN KEY (job_id) REFERENCES send_job (id),
  CONSTRAINT fk_send_number_chunk FOREIGN KEY (chunk_id) REFERENCES send_chunk (id)
);

CREATE INDEX ix_send_number_chunk ON send_number (chunk_id, mobile);
CREATE INDEX ix_send_number_job ON send_number (job_id, state);
