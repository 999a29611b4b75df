-- Issue 23: support's dashboard lists the tenants whose balance is below their threshold without
-- asking the gateway for every account of every tenant. The dashboard keeps the last balance the
-- gateway answered for each account here (written whenever a customer's dashboard asks), so the
-- staff's figure is one query over stored readings. A reading is information, never a rule: the
-- gateway itself refuses what a balance cannot pay. Times are UTC.
CREATE TABLE balance_reading (
  account_id BIGINT NOT NULL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  overage BIGINT NOT NULL,
  read_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_balance_reading_account FOREIGN KEY (account_id) REFERENCES gateway_account (id)
);
