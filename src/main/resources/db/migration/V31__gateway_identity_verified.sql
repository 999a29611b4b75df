-- A gateway identity (endpoint, userid, account) is claimed only once the gateway has accepted the
-- password given for it (issue 20): identity_verified_at is when it last did, NULL for a row whose
-- password the gateway has not accepted yet. Such a row cannot send nor be polled, and claims
-- nothing (identity_claimed stays NULL), so it never blocks the real owner's registration.
-- The rows already here were registered, sending and polled under the earlier rule: they count as
-- verified. Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike.

ALTER TABLE gateway_account ADD COLUMN identity_verified_at DATETIME(6) NULL;
UPDATE gateway_account SET identity_verified_at = updated_at;
