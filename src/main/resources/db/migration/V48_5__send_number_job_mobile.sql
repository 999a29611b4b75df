-- Issue 27: a job's page finds a whole number by equality on this index instead of reading every
-- number of the job with LIKE '%…%' (1,000,000 rows for a job of 1,000,000 numbers).
CREATE INDEX ix_send_number_job_mobile ON send_number (job_id, mobile, id);
