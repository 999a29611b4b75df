-- Issue 24: whether a tenant's templates need support's approval ("templates need review"), set by
-- support on the tenant's review page. No row: off (templates are approved as they are saved).
CREATE TABLE template_review_policy (
  tenant_id BIGINT PRIMARY KEY,
  review_required BOOLEAN NOT NULL,
  changed_at DATETIME(6) NOT NULL,
  changed_by VARCHAR(100) NOT NULL,
  CONSTRAINT fk_template_review_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
