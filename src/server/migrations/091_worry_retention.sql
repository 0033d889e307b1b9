-- 091: retention covers worries (issue 16): a run counts the worries (synced records and submissions
-- waiting on the server) whose text and photo it removed.
ALTER TABLE retention_runs ADD COLUMN worries integer NOT NULL DEFAULT 0;
