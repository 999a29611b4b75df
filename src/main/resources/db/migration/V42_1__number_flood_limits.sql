-- Issue 26, point 1: flood limits per number. What support set for a tenant (null: the portal's
-- default, smsportal.limits.per-number.*; 0: no limit), how many numbers of a job its store held
-- back because they had reached a limit, and the counter the limits are checked against.
ALTER TABLE tenant ADD COLUMN flood_per_minute INT NULL;
ALTER TABLE tenant ADD COLUMN flood_per_hour INT NULL;
ALTER TABLE tenant ADD COLUMN flood_per_day INT NULL;
ALTER TABLE send_job ADD COLUMN limited_count INT NOT NULL DEFAULT 0;

-- One row per tenant and number: the messages sent to it in its latest China-time minute, hour and
-- day (each window named by its number: epoch minute, epoch hour, epoch day of the China date). The
-- chunk that submits a number locks its row in the claim's transaction (sending.store.NumberFlood),
-- so two submits to the same number, on any node, are counted one after the other.
CREATE TABLE number_flood (
  tenant_id BIGINT NOT NULL,
  mobile VARCHAR(20) NOT NULL,
  minute_key BIGINT NOT NULL,
  minute_sent INT NOT NULL,
  hour_key BIGINT NOT NULL,
  hour_sent INT NOT NULL,
  day_key BIGINT NOT NULL,
  day_sent INT NOT NULL,
  PRIMARY KEY (tenant_id, mobile),
  CONSTRAINT fk_number_flood_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_number_flood_day ON number_flood (day_key);
