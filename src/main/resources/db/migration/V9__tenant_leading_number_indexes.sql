-- Hibernate adds tenant_id = ? to every query of a tenant's rows. With indexes that do not start
-- with tenant_id, H2 picked the tenant's foreign-key index and scanned every number the tenant ever
-- sent (the send benchmark: about 1 chunk/s); MariaDB looked each row up again for its tenant.
-- These lead with tenant_id, then the column each query narrows by.
CREATE INDEX ix_send_number_tenant_chunk ON send_number (tenant_id, chunk_id, mobile);
CREATE INDEX ix_send_number_tenant_job ON send_number (tenant_id, job_id, state);
