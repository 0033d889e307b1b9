-- 002: sync (src/sync/SPEC.md). Records as jsonb with per-field revisions (per-field merge, R12/R13),
-- append-only history events (R14), decided mutations for idempotency (R6/R7), and photo metadata (R17).
-- Every row's `revision` comes from next_revision() (001), so one pull pages over one number (R9/R10).

CREATE TABLE sync_records (
  kind text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  -- field -> revision of its last change, and field -> client that made it (a conflict needs another client).
  field_revisions jsonb NOT NULL DEFAULT '{}'::jsonb,
  field_clients jsonb NOT NULL DEFAULT '{}'::jsonb,
  conflicts jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by text NOT NULL,
  revision bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);
CREATE INDEX sync_records_revision_idx ON sync_records (revision);

CREATE TABLE sync_events (
  id text PRIMARY KEY,
  kind text NOT NULL,
  record_id text NOT NULL,
  data jsonb NOT NULL,
  mutation_id text NOT NULL,
  revision bigint NOT NULL
);
CREATE INDEX sync_events_revision_idx ON sync_events (revision);
CREATE INDEX sync_events_record_idx ON sync_events (kind, record_id);

CREATE TABLE sync_mutations (
  mutation_id text PRIMARY KEY,
  client_id text NOT NULL,
  seq bigint NOT NULL,
  actor_id text NOT NULL,
  content_hash text NOT NULL,
  result jsonb NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_mutations_client_idx ON sync_mutations (client_id, seq);

CREATE TABLE photos (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL,
  mime text NOT NULL,
  stored_by text NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);
