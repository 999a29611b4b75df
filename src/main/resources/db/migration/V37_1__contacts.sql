-- Issue 24: the tenant's address book (通讯录). A contact is a mainland mobile number (its 11
-- digits, read as the send form reads it), a name and free fields, kept in one column (see
-- contacts.ContactFields: key and value separated by control characters, at most 4000 characters)
-- so that a page, an export or a group send reads one row per contact without a join. One contact
-- per number and tenant: a re-import updates it.
CREATE TABLE contact (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  mobile VARCHAR(11) NOT NULL,
  name VARCHAR(100) NOT NULL,
  fields VARCHAR(4000) NOT NULL,
  CONSTRAINT fk_contact_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT uq_contact_mobile UNIQUE (tenant_id, mobile)
);

-- Newest first by keyset within the tenant.
CREATE INDEX ix_contact_tenant_id ON contact (tenant_id, id);

-- An import's batch looks up 1,000 numbers at once (mobile IN (...), named with USE INDEX): H2
-- would otherwise read every contact of the tenant and compare each with the whole list.
CREATE INDEX ix_contact_mobile ON contact (mobile, tenant_id);

CREATE TABLE contact_group (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  name VARCHAR(60) NOT NULL,
  CONSTRAINT fk_contact_group_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT uq_contact_group_name UNIQUE (tenant_id, name)
);

-- A contact may be in several groups. Deleting a group or a contact removes its memberships only.
CREATE TABLE contact_group_member (
  group_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  PRIMARY KEY (group_id, contact_id),
  CONSTRAINT fk_member_group FOREIGN KEY (group_id) REFERENCES contact_group (id) ON DELETE CASCADE,
  CONSTRAINT fk_member_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
);

CREATE INDEX ix_member_contact ON contact_group_member (contact_id, group_id);

-- An uploaded spreadsheet between its upload and its mapping page (module sheet): in the database,
-- not in a node's files, so the mapping page and the import may reach any node. Bound to the
-- tenant and user who uploaded it; rows expire (created_at, epoch ms).
CREATE TABLE sheet_upload (
  token VARCHAR(64) NOT NULL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  username VARCHAR(64) NOT NULL,
  filename VARCHAR(255) NOT NULL,
  content LONGBLOB NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE INDEX ix_sheet_upload_created ON sheet_upload (created_at);
