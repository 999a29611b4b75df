-- Tenants' accounts at the upstream gateway. The password is stored only as AES-256-GCM ciphertext
-- ("v1:<keyId>:<base64>", see CredentialCipher); userid and account identify the account and stay
-- readable. A later rotation adds a pending_password_ciphertext column of the same shape.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike. Times are UTC.

CREATE TABLE gateway_account (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL,
  base_url VARCHAR(255) NOT NULL,
  endpoint_charset VARCHAR(10) NOT NULL,
  userid VARCHAR(20) NOT NULL,
  account_name VARCHAR(64) NOT NULL,
  password_ciphertext VARCHAR(512) NOT NULL,
  chunk_size INT NOT NULL,
  extno_supported BOOLEAN NOT NULL,
  active BOOLEAN NOT NULL,
  low_balance_threshold BIGINT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_gateway_account_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_gateway_account_tenant ON gateway_account (tenant_id, name);
