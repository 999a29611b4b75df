-- A job's page lists its numbers by id after the last one shown (keyset), all of them or those in
-- one state. With only (job_id, state) the database walked the whole table in id order (or sorted
-- every number of the job) for each page: the job page then cost as much as every job together.
-- (job_id, state, id) also serves the per-state counts that (job_id, state) served.
CREATE INDEX ix_send_number_job_order ON send_number (job_id, id);
CREATE INDEX ix_send_number_job_state_order ON send_number (job_id, state, id);
DROP INDEX ix_send_number_job ON send_number;

-- The opt-out list pages a tenant's opt-outs by id, newest first: (tenant_id, id) is that order.
-- The other indexes began with the tenant but were ordered by number or by time, so every page
-- sorted all of the tenant's opt-outs first.
CREATE INDEX ix_opt_out_order ON opt_out (tenant_id, id);
