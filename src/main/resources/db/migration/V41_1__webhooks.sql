-- Issue 25: signed webhooks (Standard Webhooks). A tenant's endpoints: the URL a tenant admin
-- typed, the events it subscribes to (comma separated), its signing secret sealed with the
-- portal's key (secrets.PortalSecrets, bound to the endpoint's id; never stored in clear), and what
-- the delivery worker keeps about it: since when it has been failing without a success (3 days:
-- disabled, disabled_at set) and the one node that delivers its events now (lease_owner until
-- lease_until, the database's clock).
CREATE TABLE webhook_endpoint (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  url VARCHAR(500) NOT NULL,
  events VARCHAR(200) NOT NULL,
  active BOOLEAN NOT NULL,
  secret_sealed VARCHAR(500) NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  failing_since DATETIME(6) NULL,
  disabled_at DATETIME(6) NULL,
  lease_owner VARCHAR(64) NULL,
  lease_until DATETIME(3) NULL,
  CONSTRAINT fk_webhook_endpoint_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_webhook_endpoint_tenant ON webhook_endpoint (tenant_id, active, id);

-- The outbox: one row per event and subscribed endpoint, written in the transaction that stores
-- the report, reply, job change or balance reading it tells of, so that a crash cannot lose it.
-- event_id is the Standard Webhooks message id (webhook-id), the same on every attempt; an event
-- written twice (a replayed answer) is one row (uq_webhook_delivery). The payload is the JSON body
-- sent. state: PENDING (to deliver at next_attempt_at), DELIVERED, FAILED (no success until
-- retry_until: 24 hours after the event, or after a manual redeliver).
-- The last attempt's outcome: its HTTP status (null: no answer), latency and a short summary.
CREATE TABLE webhook_delivery (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  endpoint_id BIGINT NOT NULL,
  event_id VARCHAR(64) NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  payload VARCHAR(6000) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at DATETIME(6) NOT NULL,
  retry_until DATETIME(6) NOT NULL,
  last_attempt_at DATETIME(6) NULL,
  last_status INT NULL,
  last_latency_ms BIGINT NULL,
  last_summary VARCHAR(200) NULL,
  CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
    ON DELETE CASCADE,
  CONSTRAINT uq_webhook_delivery UNIQUE (endpoint_id, event_id)
);

-- The worker: an endpoint's oldest pending deliveries first; the log page: an endpoint's newest.
-- The payload is a VARCHAR (a reply's 1,000 characters in JSON fit), not a LONGTEXT, which H2
-- keeps as a CLOB.
CREATE INDEX ix_webhook_delivery_pending ON webhook_delivery (endpoint_id, state, id);
CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (endpoint_id, id);
