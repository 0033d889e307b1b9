-- 075: worries before the walk and the public pages (issue 16; src/domain/worry.ts, publicPage.ts).
-- A general public link per area (the token is printed on a poster or letter as a QR code, so it is kept
-- to be shown again; a new link for the area revokes the old one). A shopkeeper's worry waits in
-- worry_submissions until the coordinator accepts it (then it becomes a synced record of kind 'worries',
-- SPEC.md R47) or rejects it.

CREATE TABLE worry_links (
  token text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{20,100}$'),
  municipality text NOT NULL,
  area_id text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX worry_links_area_idx ON worry_links (municipality, area_id);

CREATE TABLE worry_submissions (
  id text PRIMARY KEY,
  municipality text NOT NULL,
  area_id text NOT NULL,
  link_token text NOT NULL,
  -- SHA-256 of the client address, for the rate limit only; emptied once the coordinator decides.
  client_key text NOT NULL,
  point jsonb NOT NULL,
  category_code text NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 280),
  photo_hash text CHECK (photo_hash ~ '^[0-9a-f]{64}$'),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz
);
CREATE INDEX worry_submissions_state_idx ON worry_submissions (municipality, state, submitted_at);
CREATE INDEX worry_submissions_link_idx ON worry_submissions (link_token, submitted_at);
CREATE INDEX worry_submissions_client_idx ON worry_submissions (client_key, submitted_at);

-- Whether the public pages (per area and for the municipality) are public; off until the coordinator says so.
CREATE TABLE public_pages (
  municipality text PRIMARY KEY,
  public boolean NOT NULL DEFAULT false,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
