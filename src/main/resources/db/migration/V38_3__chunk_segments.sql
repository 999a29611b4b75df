-- Issue 24: a personalised job's chunks each carry their own text, so each carries its text's
-- segments too (null: the job's segments, as for every plain job). Support's dashboard bills a day's
-- accepted chunks as numbers x segments, exactly also for personalised jobs.
ALTER TABLE send_chunk ADD COLUMN segments INT NULL;
