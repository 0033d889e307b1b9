-- 070: the shop survey (issue 16; SPEC.md R44-R46). A year's survey per municipality, the shops'
-- personal one-time links (token stored hashed, a draft kept until the answer is sent), and the answers.
-- The answers table holds no shop and no link: only the municipality, year, the area the shop lay in and
-- the answers, so results cannot be traced back to a shop from it (the link maps to the shop only for
-- the shop's survey flag).

CREATE TABLE survey_setups (
  municipality text NOT NULL,
  year integer NOT NULL,
  fixed_version text NOT NULL,
  topical jsonb NOT NULL DEFAULT '[]'::jsonb,
  threshold integer NOT NULL CHECK (threshold >= 5),
  results_public boolean NOT NULL DEFAULT false,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, year)
);

CREATE TABLE survey_links (
  id text PRIMARY KEY,
  municipality text NOT NULL,
  year integer NOT NULL,
  shop_id text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'revoked')),
  -- Answers saved before sending (resume on another visit); emptied when the answer is sent.
  draft jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the current token was made (a reminder letter makes a new one, the old stops working).
  issued_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (municipality, year) REFERENCES survey_setups (municipality, year)
);
-- One link per shop and year that is not revoked.
CREATE UNIQUE INDEX survey_links_shop_idx ON survey_links (municipality, year, shop_id) WHERE status <> 'revoked';

CREATE TABLE survey_answers (
  id text PRIMARY KEY,
  municipality text NOT NULL,
  year integer NOT NULL,
  area_id text,
  fixed_version text NOT NULL,
  answers jsonb NOT NULL,
  FOREIGN KEY (municipality, year) REFERENCES survey_setups (municipality, year)
);
CREATE INDEX survey_answers_year_idx ON survey_answers (municipality, year);
