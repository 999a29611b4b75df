-- Issue 25: a tenant's API keys. A key is "smsp_" + key_id + "_" + a secret of 192 bits; only the
-- SHA-256 of the secret is kept (a random secret of that size needs no slow hash), looked up by
-- key_id on every request, so a revoke holds on every node at once (no cache).
CREATE TABLE api_key (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  name VARCHAR(60) NOT NULL,
  key_id VARCHAR(16) NOT NULL,
  secret_hash VARCHAR(64) NOT NULL,
  scopes VARCHAR(32) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  expires_at DATETIME(6) NULL,
  last_used_at DATETIME(6) NULL,
  revoked_at DATETIME(6) NULL,
  revoked_by VARCHAR(100) NULL,
  CONSTRAINT fk_api_key_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT uq_api_key_key_id UNIQUE (key_id)
);

CREATE INDEX ix_api_key_tenant ON api_key (tenant_id, id);

-- An API send's Idempotency-Key, claimed with the hash of its canonical body before the job is
-- stored: the same key with another body is refused (409), the same body finds the same job.
CREATE TABLE api_idempotency (
  tenant_id BIGINT NOT NULL,
  idem_key VARCHAR(64) NOT NULL,
  body_hash CHAR(64) NOT NULL,
  job_id BIGINT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (tenant_id, idem_key),
  CONSTRAINT fk_api_idempotency_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
