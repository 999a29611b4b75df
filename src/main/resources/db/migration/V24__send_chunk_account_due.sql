-- The send worker takes each gateway account's oldest due chunk in the account's turn (issue 13).
CREATE INDEX ix_send_chunk_account_due ON send_chunk (account_id, state, due_at);
