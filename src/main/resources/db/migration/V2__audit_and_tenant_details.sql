-- The append-only audit log, and what support records about a tenant.

CREATE TABLE audit_event (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at DATETIME(6) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  actor_role VARCHAR(20) NULL,
  tenant_id BIGINT NULL,
  tenant_name VARCHAR(100) NULL,
  action VARCHAR(40) NOT NULL,
  target VARCHAR(200) NULL,
  outcome VARCHAR(20) NOT NULL,
  client_ip VARCHAR(45) NULL,
  detail VARCHAR(500) NULL
);

CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, id);
CREATE INDEX ix_audit_event_tenant ON audit_event (tenant_id, id);
CREATE INDEX ix_audit_event_action ON audit_event (action, id);

ALTER TABLE tenant ADD COLUMN contact VARCHAR(200) NULL;
ALTER TABLE tenant ADD COLUMN notes VARCHAR(2000) NULL;
ALTER TABLE tenant ADD COLUMN low_balance_threshold BIGINT NULL;
ALTER TABLE tenant ADD COLUMN status_reason VARCHAR(500) NULL;
ALTER TABLE tenant ADD COLUMN status_changed_at DATETIME(6) NULL;
