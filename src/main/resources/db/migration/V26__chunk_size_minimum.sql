-- A job goes in chunks of at least 100 numbers (issue 13): chunks of one number let one tenant's
-- upload hold a gateway account for hours. An administrator may give an endpoint its own, lower
-- maximum; accounts below the minimum (allowed before) are raised to it.
ALTER TABLE gateway_endpoint ADD COLUMN max_chunk_size INT NULL;
UPDATE gateway_account SET chunk_size = 100 WHERE chunk_size < 100;
