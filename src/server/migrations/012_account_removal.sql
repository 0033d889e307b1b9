-- 012: a coordinator can remove a person's account. The row stays, because ids in records, history
-- events and decided mutations point at it; the name becomes "voormalig deelnemer", the login is freed,
-- the password can never match, sessions and memberships end. `removed_at` says it happened.
ALTER TABLE users ADD COLUMN removed_at timestamptz;
