-- Answers of the fetch-once queues are written to disk as they arrive (issue 21); each transfer has
-- an id, stored with the answer it became. A file left behind by a portal that died mid-answer is
-- taken at the next start: its complete items are stored as an answer of source RECOVERED, unless
-- the id shows the whole answer was committed before the death. The unique key makes either way
-- store an answer once. NULL for answers stored before, and for those the disk could not take.
-- Written once for H2 (MODE=MySQL) and MySQL/MariaDB alike.

ALTER TABLE poll_inbox ADD COLUMN transfer VARCHAR(36) NULL;
CREATE UNIQUE INDEX uq_poll_inbox_transfer ON poll_inbox (transfer);
-- The pollers page counts the recovered answers per account.
CREATE INDEX ix_poll_inbox_source ON poll_inbox (source, account_id);
