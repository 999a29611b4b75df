-- Issue 24: a tenant's message templates (模板): a name, the signature it starts with (null when the
-- tenant has none approved) and a text with placeholders (a dollar sign, a name in braces; not
-- written out here: Flyway would read it as its own placeholder); reviewed by support when the
-- tenant's switch (V36_3) is on, else approved at once. The text sent is signature + content.
CREATE TABLE message_template (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  name VARCHAR(60) NOT NULL,
  signature VARCHAR(20) NULL,
  content VARCHAR(1000) NOT NULL,
  state VARCHAR(10) NOT NULL,
  reason VARCHAR(500) NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  reviewed_at DATETIME(6) NULL,
  reviewed_by VARCHAR(100) NULL,
  CONSTRAINT fk_message_template_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT uq_message_template_name UNIQUE (tenant_id, name)
);

CREATE INDEX ix_message_template_tenant ON message_template (tenant_id, id);
