-- After V10_1 every account points at an endpoint: make that required and drop the typed base URL,
-- so no address but an endpoint's can reach the gateway client. One holder per gateway account.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike.

ALTER TABLE gateway_account MODIFY endpoint_id BIGINT NOT NULL;
ALTER TABLE gateway_account MODIFY account_key VARCHAR(64) NOT NULL;
ALTER TABLE gateway_account ADD CONSTRAINT fk_gateway_account_endpoint
  FOREIGN KEY (endpoint_id) REFERENCES gateway_endpoint (id);
CREATE UNIQUE INDEX uq_gateway_account_identity
  ON gateway_account (endpoint_id, userid, account_key, identity_claimed);
ALTER TABLE gateway_account DROP COLUMN base_url;
