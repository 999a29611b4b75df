-- Gateway endpoints: the addresses the portal may call, managed by administrators. Gateway accounts
-- choose one by id instead of keeping a typed base URL, so a stored password goes nowhere else.
-- V10_1 turns every distinct base URL stored on accounts into an endpoint and points the accounts at
-- it; V10_2 then makes the pointer required and drops the typed URL.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike. Times are UTC.

CREATE TABLE gateway_endpoint (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  base_url VARCHAR(255) NOT NULL,
  default_charset VARCHAR(10) NOT NULL,
  note VARCHAR(500) NULL,
  active BOOLEAN NOT NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  CONSTRAINT uq_gateway_endpoint_name UNIQUE (name),
  CONSTRAINT uq_gateway_endpoint_base_url UNIQUE (base_url)
);

-- Each gateway account (endpoint, userid, account) may be registered once in the whole portal:
-- account_key is the account name in small letters, and identity_claimed is TRUE on the row that
-- holds the identity. A unique index over the four (V10_2) admits one holder; NULL, which unique
-- indexes do not compare, marks the later duplicates that existed before the rule, kept for an
-- administrator to resolve (/admin/endpoints lists them).
ALTER TABLE gateway_account ADD COLUMN endpoint_id BIGINT NULL;
ALTER TABLE gateway_account ADD COLUMN account_key VARCHAR(64) NULL;
ALTER TABLE gateway_account ADD COLUMN identity_claimed BOOLEAN NULL;
