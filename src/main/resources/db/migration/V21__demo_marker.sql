-- Issue 15: what the demo seeded, so that a portal started without the demo can refuse a data
-- directory or database that still holds it (the demo's users have a published password).
-- Users seeded before this existed are recognised by their name and the demo password.
ALTER TABLE portal_user ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE demo_tenant (
  tenant_id BIGINT NOT NULL PRIMARY KEY,
  CONSTRAINT fk_demo_tenant_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
