-- Which node started a gateway password rotation (issue 11). A node that starts finds the
-- rotations its own dead predecessor left PENDING (the answer to changespwd never recorded) and
-- puts them IN_DOUBT at once, to be checked with each password; another node's rotation is left
-- to it (or, if that node never comes back, to smsportal.rotation.stale-after).
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike.
ALTER TABLE gateway_account ADD COLUMN rotation_started_by VARCHAR(64) NULL;
