-- Issue 25: the API's tails of receipts and replies (since = the last id seen) need to know when a
-- row was written, by the database's own clock: ids are taken at insert and committed in any order
-- by concurrent ingests, so a tail returns only rows stored a few seconds ago (api.v1.Feeds).
ALTER TABLE status_report ADD COLUMN stored_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE reply ADD COLUMN stored_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
CREATE INDEX ix_status_report_tenant_id ON status_report (tenant_id, id);
CREATE INDEX ix_reply_tenant_id ON reply (tenant_id, id);
