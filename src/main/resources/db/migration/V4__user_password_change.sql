-- A user given a temporary password must choose their own at the next login.
ALTER TABLE portal_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE portal_user ADD COLUMN password_changed_at DATETIME(6) NULL;
