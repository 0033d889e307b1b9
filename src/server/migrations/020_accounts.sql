-- 020: what a team needs of its accounts: an organisation per person (the people directory shows it),
-- invites the coordinator can see and revoke, and one-time password-reset links.

ALTER TABLE users ADD COLUMN organisation text CHECK (organisation IS NULL OR length(organisation) BETWEEN 1 AND 120);

-- Invites are keyed by the hash of their token; the list and a revoke need an id that is no secret.
ALTER TABLE invites ADD COLUMN id text;
UPDATE invites SET id = gen_random_uuid()::text WHERE id IS NULL;
ALTER TABLE invites ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX invites_id_idx ON invites (id);
ALTER TABLE invites ADD COLUMN revoked_at timestamptz;

-- Like invites: only the SHA-256 of the token is kept; used once, then spent.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
