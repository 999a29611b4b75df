-- Issue 24: a personalised order waiting for its confirmation keeps each distinct rendered text with
-- its numbers (one row per text, numbers one a line), so that 100,000 recipients are a few rows of
-- text rather than one object per recipient; the staged row itself keeps the text with its
-- placeholders and an empty number list. Expired with their staged row.
ALTER TABLE send_staged ADD COLUMN personalised BOOLEAN DEFAULT FALSE NOT NULL;
CREATE TABLE send_staged_text (
  token VARCHAR(64) NOT NULL,
  seq INT NOT NULL,
  content VARCHAR(2000) NOT NULL,
  numbers LONGTEXT NOT NULL,
  number_count INT NOT NULL,
  PRIMARY KEY (token, seq)
);
