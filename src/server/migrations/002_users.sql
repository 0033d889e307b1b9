-- 002: accounts, sessions, invites, the one-time setup token and server settings.
--
-- Secrets (session tokens, invite tokens, setup tokens) are stored only as SHA-256 hashes: a copy of the
-- database does not let anyone log in. Passwords are scrypt hashes with their salt and parameters.

CREATE TABLE users (
  id text PRIMARY KEY,
  -- A work name is enough ("Politie wijkagent Centrum"); the partners' view never shows it.
  display_name text NOT NULL,
  -- Stored lower-cased, so "Anna@Deventer.nl" and "anna@deventer.nl" are one account.
  login text NOT NULL UNIQUE CHECK (login = lower(login)),
  password_hash text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE invites (
  token_hash text PRIMARY KEY,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text REFERENCES users (id) ON DELETE SET NULL
);

-- Every server start on an empty users table adds one (several processes may start at once, and each
-- printed link must work); creating the first coordinator deletes them all.
CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
