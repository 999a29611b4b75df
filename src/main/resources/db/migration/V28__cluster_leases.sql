-- Several portal nodes on one database (issue 14). Written once for H2 (MODE=MySQL) and
-- MySQL/MariaDB alike. Every time in these two tables is the DATABASE's clock
-- (CURRENT_TIMESTAMP(3)), written and compared only in SQL, so that nodes whose clocks disagree
-- still agree on who is alive and who holds what.
--
-- node_heartbeat: each node's row, beaten every few seconds (smsportal.node.heartbeat-every).
-- start_count grows by one at each start of the node id: a chunk claimed under an earlier start
-- (send_chunk.claimed_run) was cut off by that node's restart. A node whose beat_at is older than
-- smsportal.node.dead-after counts as dead.
CREATE TABLE node_heartbeat (
  node_id VARCHAR(64) NOT NULL PRIMARY KEY,
  start_count BIGINT NOT NULL,
  started_at DATETIME(3) NOT NULL,
  beat_at DATETIME(3) NOT NULL
);

-- send_lease: which node may submit a gateway account's chunks now (owner, until lease_until), and
-- when the account's last submit began anywhere (last_submit_at), so that the per-account rate
-- holds across nodes and across a handover. A row is made the first time an account has chunks
-- due; owner NULL means free.
CREATE TABLE send_lease (
  account_id BIGINT NOT NULL PRIMARY KEY,
  owner VARCHAR(64) NULL,
  lease_until DATETIME(3) NOT NULL,
  last_submit_at DATETIME(3) NULL
);

-- The start (node_heartbeat.start_count) of the claiming node under which a chunk's call began.
ALTER TABLE send_chunk ADD COLUMN claimed_run BIGINT NULL;
