-- What one tenant may send, set by support on the tenant page (issue 13). Empty: the portal's
-- defaults (smsportal.sending.limits.*).
ALTER TABLE tenant ADD COLUMN max_numbers_per_job INT NULL;
ALTER TABLE tenant ADD COLUMN max_numbers_per_day BIGINT NULL;
ALTER TABLE tenant ADD COLUMN max_queued_numbers BIGINT NULL;
