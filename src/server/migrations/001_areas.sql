-- 001: the global revision counter and the areas of each municipality.
--
-- Every synced row carries `revision`: one number for the whole database, increasing with every change.
-- A client pulls "everything with revision > n". It is a counter row, not a SEQUENCE, on purpose:
-- `UPDATE ... RETURNING` locks the row until the transaction commits, so revisions become visible in
-- commit order and a pull can never skip a change that commits late. A sequence hands out numbers
-- without that guarantee. Gaps (from rolled-back transactions) are harmless.

CREATE TABLE revision_counter (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  value bigint NOT NULL
);
INSERT INTO revision_counter (singleton, value) VALUES (true, 0);

CREATE FUNCTION next_revision() RETURNS bigint
  LANGUAGE sql VOLATILE
  SET search_path FROM CURRENT
  AS $$ UPDATE revision_counter SET value = value + 1 RETURNING value $$;

CREATE TABLE areas (
  municipality text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  kvo_status text NOT NULL,
  source text NOT NULL,
  approximate boolean,
  -- GeoJSON Polygon or MultiPolygon, [lon, lat]; no PostGIS needed (spatial rules run in src/domain).
  geometry jsonb NOT NULL CHECK (jsonb_typeof(geometry) = 'object'),
  -- Tombstone: a removed area stays as a row so that a pull since an older revision learns about it.
  deleted boolean NOT NULL DEFAULT false,
  revision bigint NOT NULL DEFAULT next_revision(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, id)
);

CREATE INDEX areas_revision_idx ON areas (revision);
