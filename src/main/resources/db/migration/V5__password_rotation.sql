-- The safe rotation of a gateway account's password (changespwd, spec section 6). The new password
-- is stored encrypted, like the current one but under its own column in the associated data, before
-- the call; rotation_state says whether a rotation is under way (PENDING) or its outcome unknown
-- (IN_DOUBT), and while it is not NONE nothing else may use the account.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike. Times are UTC.
ALTER TABLE gateway_account ADD COLUMN pending_password_ciphertext VARCHAR(512) NULL;
ALTER TABLE gateway_account ADD COLUMN rotation_state VARCHAR(20) NOT NULL DEFAULT 'NONE';
ALTER TABLE gateway_account ADD COLUMN rotation_started_at DATETIME(6) NULL;
ALTER TABLE gateway_account ADD COLUMN password_rotated_at DATETIME(6) NULL;

CREATE INDEX ix_gateway_account_rotation ON gateway_account (rotation_state);
