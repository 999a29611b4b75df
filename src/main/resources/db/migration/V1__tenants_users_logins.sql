-- Tenants (enterprises), portal users and the login records behind brute-force protection.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike. Times are UTC.

CREATE TABLE tenant (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_tenant_name UNIQUE (name)
);

CREATE TABLE portal_user (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  role VARCHAR(20) NOT NULL,
  tenant_id BIGINT NULL,
  display_name VARCHAR(100) NULL,
  enabled BOOLEAN NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_portal_user_username UNIQUE (username),
  CONSTRAINT fk_portal_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One row per user name ever tried, known or not, so that a lockout looks the same either way.
CREATE TABLE login_throttle (
  username VARCHAR(64) NOT NULL PRIMARY KEY,
  failed_count INT NOT NULL,
  locked_until DATETIME(6) NULL,
  last_failure_at DATETIME(6) NULL
);

CREATE TABLE login_attempt (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  client_ip VARCHAR(45) NULL,
  attempted_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_login_attempt_time ON login_attempt (attempted_at);
CREATE INDEX ix_login_attempt_username ON login_attempt (username, attempted_at);
