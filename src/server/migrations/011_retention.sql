-- 011: privacy by retention (issue 12). Per municipality, how long free text and photos are kept; a daily
-- job anonymises what has expired and records each run. A municipality without a row uses the defaults
-- in src/domain/retention.ts (README: 3 years after closing; certification details 3 years).
CREATE TABLE retention_policies (
  municipality text PRIMARY KEY,
  -- Free text and photos of a closed finding (verified, wont_fix, duplicate) and notes of a walk are
  -- removed this many years after it was closed / walked.
  closed_finding_years integer NOT NULL CHECK (closed_finding_years BETWEEN 1 AND 30),
  -- The free text of certification records (respondents' evaluations) is removed this many years after
  -- the certification year: the certificate period.
  certification_years integer NOT NULL CHECK (certification_years BETWEEN 1 AND 30),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE retention_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality text NOT NULL,
  -- The clock the job ran with (injectable in tests), not the database's.
  ran_at timestamptz NOT NULL,
  findings integer NOT NULL,
  events integer NOT NULL,
  photos integer NOT NULL,
  inspections integer NOT NULL,
  certifications integer NOT NULL
);
CREATE INDEX retention_runs_municipality_idx ON retention_runs (municipality, ran_at DESC);
