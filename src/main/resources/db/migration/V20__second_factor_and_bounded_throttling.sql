-- Issue 15: a second factor (TOTP) for portal users, and login throttling that cannot be turned
-- into a denial of service and stores nothing per unknown user name.

-- A user's TOTP secret, sealed with the portal's credential key (tenant module, AES-GCM, bound to
-- the user's id). pending_secret is the one shown on the enrolment page until a first code confirms
-- it. last_step is the time step of the last code accepted: a code is accepted once (RFC 6238 5.2).
CREATE TABLE user_second_factor (
  user_id BIGINT NOT NULL PRIMARY KEY,
  secret VARCHAR(255) NULL,
  pending_secret VARCHAR(255) NULL,
  enrolled_at DATETIME(6) NULL,
  last_step BIGINT NULL,
  CONSTRAINT fk_user_second_factor_user FOREIGN KEY (user_id) REFERENCES portal_user (id)
);

-- One-time recovery codes: 120 random bits each, so a SHA-256 of the code is enough (ASVS 5.0
-- 6.5.2); the code itself is shown once and never stored.
CREATE TABLE recovery_code (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  code_hash VARCHAR(64) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  used_at DATETIME(6) NULL,
  CONSTRAINT uk_recovery_code_hash UNIQUE (code_hash),
  CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES portal_user (id)
);

CREATE INDEX ix_recovery_code_user ON recovery_code (user_id, used_at);

-- Support may require a second factor of a tenant's customers (staff always need one).
CREATE TABLE second_factor_policy (
  tenant_id BIGINT NOT NULL PRIMARY KEY,
  required BOOLEAN NOT NULL,
  changed_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_second_factor_policy_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- Wrong second-factor codes after a right password: they mean the password is known to someone.
ALTER TABLE login_throttle ADD COLUMN code_failures INT NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN codes_locked_until DATETIME(6) NULL;

-- login_throttle now holds rows of existing users only: unknown names are counted in memory.
DELETE FROM login_throttle WHERE username NOT IN (SELECT username FROM portal_user);

-- Failed logins per client address (IPv4, or an IPv6 /64), whatever user name they tried. Rows
-- are deleted by the cleanup job once their window has passed.
CREATE TABLE login_client_throttle (
  client VARCHAR(64) NOT NULL PRIMARY KEY,
  failed_count INT NOT NULL,
  window_start DATETIME(6) NOT NULL,
  blocked_until DATETIME(6) NULL,
  last_failure_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_login_client_throttle_last ON login_client_throttle (last_failure_at);
