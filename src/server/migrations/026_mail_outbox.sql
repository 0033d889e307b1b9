-- 026: the transactional mail outbox (README "Mail"). A mail row is written in the same transaction
-- as the change that causes it (an accepted assignment, a scheduled reminder or digest) and sent later
-- by the mail worker; `key` is its idempotency key and also makes its SMTP Message-ID.

CREATE TABLE mail_outbox (
  key text PRIMARY KEY,
  municipality text NOT NULL,
  organisation_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('assignment', 'reminder', 'digest')),
  -- The push request (assignments) that queued it; released for sending when that push has finished.
  batch text,
  -- queued → sending (leased by one worker) → sent; failed after too many attempts.
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- Not sent before this instant: an assignment batch is held until its push has finished, a failed
  -- attempt waits for its back-off.
  next_attempt_at timestamptz NOT NULL,
  -- While status = 'sending': the worker's claim. A worker that died leaves it to expire.
  lease_until timestamptz,
  last_error text,
  -- Who the last attempt went to (set when sent; the organisation's addresses at that moment).
  recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
  subject text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);

-- The findings a mail is about. For reminders, `marker` (finding id @ due date) says a finding was
-- reminded for that due date, so it is reminded once per due date.
CREATE TABLE mail_items (
  mail_key text NOT NULL REFERENCES mail_outbox (key) ON DELETE CASCADE,
  finding_id text NOT NULL,
  marker text,
  PRIMARY KEY (mail_key, finding_id)
);
CREATE UNIQUE INDEX mail_items_marker_idx ON mail_items (marker) WHERE marker IS NOT NULL;

-- One row per named job; whoever holds an unexpired lease is the one sender across all server
-- processes on this database.
CREATE TABLE worker_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  lease_until timestamptz NOT NULL
);
