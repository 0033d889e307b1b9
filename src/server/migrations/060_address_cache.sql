-- 060: the geocoder's cache (issue 14). One row per municipality and normalised address query
-- (src/domain/geocode.ts addressCacheKey); `candidates` is what PDOK Locatieserver answered, read into
-- AddressCandidate objects (an empty list is an answer too: "not found" is not asked again).
CREATE TABLE address_cache (
  query_key text PRIMARY KEY CHECK (length(query_key) BETWEEN 1 AND 400),
  municipality text NOT NULL,
  candidates jsonb NOT NULL CHECK (jsonb_typeof(candidates) = 'array'),
  fetched_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX address_cache_municipality_idx ON address_cache (municipality);
