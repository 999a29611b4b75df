-- Test-only table: a minimal tenant-owned row for the isolation test.
CREATE TABLE isolation_probe (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  secret VARCHAR(100) NOT NULL
);
