-- Issue 24: a tenant's signatures (签名), e.g. 【Acme商城】, applied for by its customers and
-- approved or rejected (with a reason) by support. Once a tenant has an approved signature, every
-- send of it must start with one (templates.Signatures, checked where every job is stored).
CREATE TABLE signature (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  signature_text VARCHAR(20) NOT NULL,
  state VARCHAR(10) NOT NULL,
  reason VARCHAR(500) NULL,
  created_at DATETIME(6) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  reviewed_at DATETIME(6) NULL,
  reviewed_by VARCHAR(100) NULL,
  CONSTRAINT fk_signature_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT uq_signature UNIQUE (tenant_id, signature_text)
);
