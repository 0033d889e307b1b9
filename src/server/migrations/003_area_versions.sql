-- 003: every saved shape of an area is a version: who, when, why.
--
-- `areas` stays the current state (what the map and a pull see); `area_versions` is the history. A
-- retired area is a tombstone in `areas` (deleted) and a version with `retired`. Restoring an old version
-- writes it again as a new version, so the history only grows. Areas loaded from a file before the first
-- edit get their version 1 (actor 'system') when they are first changed.

CREATE TABLE area_versions (
  municipality text NOT NULL,
  area_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  name text NOT NULL,
  kind text NOT NULL,
  kvo_status text NOT NULL,
  source text NOT NULL,
  approximate boolean,
  geometry jsonb NOT NULL CHECK (jsonb_typeof(geometry) = 'object'),
  retired boolean NOT NULL DEFAULT false,
  -- created | changed | retired | restored | imported | loaded
  action text NOT NULL,
  -- request.actor id of the person who saved it; 'system' for a file loaded at start.
  actor_id text NOT NULL,
  reason text NOT NULL DEFAULT '',
  -- When restored: which version was brought back.
  restored_from integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, area_id, version)
);
