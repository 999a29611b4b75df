-- Pollers spread over the nodes (issue 27): whether a node polls the gateways
-- (smsportal.poller.enabled), written by its poller when it starts and stops. The due accounts of
-- a polling round are shared out among the live nodes (by their heartbeat) that poll: a node that
-- serves pages only, or that stopped, gets no share. Rows of nodes from before default to FALSE
-- (such a node tries every due account's lock, as before, and is not given a share).
ALTER TABLE node_heartbeat ADD COLUMN polls BOOLEAN DEFAULT FALSE NOT NULL;
