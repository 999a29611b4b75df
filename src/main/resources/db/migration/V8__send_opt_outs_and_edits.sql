-- Sending respects the opt-out list, and a scheduled job can be edited before it goes.
-- opted_out_count: how many of the order's valid numbers were on the tenant's opt-out list when it
-- was stored (they were left out of the job).
ALTER TABLE send_job ADD COLUMN opted_out_count INT NOT NULL DEFAULT 0;

-- version: bumped by every edit of a scheduled job. Each chunk carries the version of the job it
-- was last made for (job_version); the worker claims a chunk only if that is still the version whose
-- content it read, so a chunk never goes out half old, half new (SendChunkRepository.claim).
ALTER TABLE send_job ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE send_chunk ADD COLUMN job_version INT NOT NULL DEFAULT 0;
