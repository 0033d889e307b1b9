-- Failed logins per key ("account:<login>" or "address:<ip>") in a fixed window (issue 12, defect 3).
-- In the database, not in memory, so several server processes on one PostgreSQL share the count.
CREATE TABLE login_attempts (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL
);
