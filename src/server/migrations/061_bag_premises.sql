-- 061: BAG shop premises per area (issue 14). `premises` holds the verblijfsobjecten with gebruiksdoel
-- winkelfunctie inside the area's outline as fetched from PDOK's BAG OGC API, with the time of the fetch.
CREATE TABLE bag_premises_cache (
  municipality text NOT NULL,
  area_id text NOT NULL,
  premises jsonb NOT NULL CHECK (jsonb_typeof(premises) = 'array'),
  fetched_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, area_id)
);

-- The coordinator's word on a premises that has no shop in the register: not a shop (empty, storage,
-- horeca, other). Kept per municipality; a premises id is the BAG verblijfsobject identificatie.
CREATE TABLE bag_premises_decisions (
  municipality text NOT NULL,
  premises_id text NOT NULL CHECK (premises_id ~ '^[0-9]{16}$'),
  kind text NOT NULL CHECK (kind IN ('leeg', 'opslag', 'horeca', 'anders')),
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, premises_id)
);
