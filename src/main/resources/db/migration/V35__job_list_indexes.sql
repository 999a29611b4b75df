-- The job list (issue 23) filters a tenant's jobs by gateway account, newest first: (tenant_id,
-- account_id, created_at) is that order within one account, as (tenant_id, created_at) is for all.
-- Each page sums up its jobs' chunks per state and asks, for the phase filter, whether a job has a
-- chunk in a state (and when the gateway last accepted one): (job_id, state, answered_at) answers
-- both from the index alone. The numbers' (job_id, state, id) already serves their side.
CREATE INDEX ix_send_job_account ON send_job (tenant_id, account_id, created_at);
CREATE INDEX ix_send_chunk_job_state ON send_chunk (job_id, state, answered_at);
