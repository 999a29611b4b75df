-- Issue 24, personalised sends: one job whose numbers get different texts. The gateway's send carries
-- one content for many numbers, so numbers whose rendered text is the same share chunks and each
-- distinct text has chunks of its own: the text lives on the chunk (content, null: the job's own, as
-- for every plain job), stored with the job in the one transaction before anything is sent. The job
-- keeps the text with its placeholders (content), is marked personalised (its content cannot be
-- edited once stored: the texts were rendered from it), and keeps the segments of all its messages
-- (total_segments, null for a plain job: number_count x segments).
ALTER TABLE send_job ADD COLUMN personalised BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE send_job ADD COLUMN total_segments BIGINT NULL;
ALTER TABLE send_chunk ADD COLUMN content VARCHAR(2000) NULL;
