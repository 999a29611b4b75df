-- Which node claimed a chunk's call to the gateway (issue 11). A node that starts finds the
-- chunks its own dead predecessor left SUBMITTING under its node id and makes them UNKNOWN at
-- once; another node's chunk is left to its owner (or, if that node never comes back, to the
-- submitting-stale-after rule). NULL for chunks claimed before this column existed.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike.
ALTER TABLE send_chunk ADD COLUMN claimed_by VARCHAR(64) NULL;
