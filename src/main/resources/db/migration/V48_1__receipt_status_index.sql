-- The receipts page filtered by status (issue 27): without an index of its own the page read the
-- tenant's reports newest first and skipped every one in another status, and H2 sorted all of the
-- tenant's reports first. (tenant_id, status, received_at, id) is that filter's order, as the
-- number's and the task's indexes are theirs (V7); a time range and the windows below a cursor
-- are ranges of it.
CREATE INDEX ix_status_report_status ON status_report (tenant_id, status, received_at, id);
