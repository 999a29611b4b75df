-- Issue 26, monthly statements. A statement shows the gateway balance at the month's first and last
-- known reading, but balance_reading keeps only each account's latest. Every reading the dashboard
-- makes (BalanceReadings.record) now also keeps the day's first and last reading here, one row per
-- account and China day (Asia/Shanghai), so the history grows by one row a day, not one a poll.
-- Times are UTC, read_day is the China calendar day of the readings.
CREATE TABLE balance_day (
  account_id BIGINT NOT NULL,
  read_day DATE NOT NULL,
  tenant_id BIGINT NOT NULL,
  first_overage BIGINT NOT NULL,
  first_at DATETIME(6) NOT NULL,
  last_overage BIGINT NOT NULL,
  last_at DATETIME(6) NOT NULL,
  PRIMARY KEY (account_id, read_day),
  CONSTRAINT fk_balance_day_account FOREIGN KEY (account_id) REFERENCES gateway_account (id)
);

