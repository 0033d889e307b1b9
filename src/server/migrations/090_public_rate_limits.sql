-- Requests per key in a fixed window for the public survey and worry routes (issue 16, SPEC.md R45, R47):
-- "address:<route>:<ip hash>" or "link:<token hash>". In the database, not in a process's memory, so
-- several server processes on one PostgreSQL share the count (as login_attempts does for logins).
CREATE TABLE public_rate_windows (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  requests integer NOT NULL
);
CREATE INDEX public_rate_windows_start ON public_rate_windows (window_start);
