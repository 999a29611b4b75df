-- Issue 27, the dashboard flat at 10 million numbers: sends, deliveries and failures per tenant,
-- China day (Asia/Shanghai) and gateway account, kept as they happen instead of counted from
-- send_chunk and send_number on each page view. A number counts on the day its chunk was accepted
-- by the gateway (send_chunk.answered_at of a SUBMITTED chunk), and so do its outcome's
-- delivered/failed counts, whenever the report came in: the chart's definition since issue 9.
-- Written in the transaction that changes what it counts (the worker's accepted chunk, the
-- ingest that moves a number to DELIVERED or FAILED), by upserts in key order.
CREATE TABLE send_day (
  tenant_id BIGINT NOT NULL,
  sent_day DATE NOT NULL,
  account_id BIGINT NOT NULL,
  sent BIGINT NOT NULL,
  delivered BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, sent_day, account_id)
);

-- The days already sent. DATETIME columns hold UTC; China has kept UTC+8 all year since 1991, so
-- the China day of a time is the date of that time plus eight hours, the same on H2 and MariaDB.
INSERT INTO send_day (tenant_id, sent_day, account_id, sent, delivered, failed)
SELECT c.tenant_id, c.sent_day, c.account_id, SUM(c.number_count),
       SUM(COALESCE(o.delivered, 0)), SUM(COALESCE(o.failed, 0))
FROM (SELECT id, tenant_id, account_id, number_count,
             CAST(TIMESTAMPADD(HOUR, 8, answered_at) AS DATE) AS sent_day
      FROM send_chunk WHERE state = 'SUBMITTED' AND answered_at IS NOT NULL) c
LEFT JOIN (SELECT chunk_id,
                  SUM(CASE WHEN state = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered,
                  SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) AS failed
           FROM send_number WHERE state IN ('DELIVERED', 'FAILED') GROUP BY chunk_id) o
  ON o.chunk_id = c.id
GROUP BY c.tenant_id, c.sent_day, c.account_id;
