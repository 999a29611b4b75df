-- Roles inside a tenant (issue 25): a tenant's users were all CUSTOMER, who could do everything in
-- the tenant; they keep that as TENANT_ADMIN. SENDER and VIEWER are new and given by a tenant admin.
UPDATE portal_user SET role = 'TENANT_ADMIN' WHERE role = 'CUSTOMER';

-- A signed-in session keeps its user's role as it was at sign-in: a session of a CUSTOMER would
-- neither read back nor match any rule now, so every user signs in again once after the upgrade.
DELETE FROM SPRING_SESSION_ATTRIBUTES;
DELETE FROM SPRING_SESSION;
