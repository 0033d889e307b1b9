-- 010: municipalities are sealed from each other (SPEC.md R30).
--
-- A person belongs to one or more municipalities, with roles per municipality. Users from before this
-- migration have no row yet: the server adopts them into its configured municipality with their roles at
-- start (SqlUserStore.adoptUsers), and until then reads them as members of that municipality. `users.roles`
-- stays as the union of a person's roles, so "holds this role anywhere" stays one column.
CREATE TABLE user_municipality_roles (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  municipality text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  PRIMARY KEY (user_id, municipality)
);
CREATE INDEX user_municipality_roles_municipality_idx ON user_municipality_roles (municipality);

-- An invite is for one municipality; NULL (older invites) means the server's configured one.
ALTER TABLE invites ADD COLUMN municipality text;

-- Every synced row knows its municipality as a column, so each store query filters on it (never the
-- route). NULL only for a record without one in its data: the server adopts those at start.
ALTER TABLE sync_records ADD COLUMN municipality text;
UPDATE sync_records SET municipality = data->>'municipality';
ALTER TABLE sync_events ADD COLUMN municipality text;
UPDATE sync_events e SET municipality = r.municipality FROM sync_records r WHERE r.kind = e.kind AND r.id = e.record_id;
CREATE INDEX sync_records_municipality_idx ON sync_records (municipality, kind);
-- Which findings reference a photo: the photo routes ask this for every GET.
CREATE INDEX sync_records_photo_hashes_idx ON sync_records USING gin ((data->'photoHashes'));

-- Who uploaded a photo: an uploader may fetch their own photo before a finding references it.
CREATE TABLE photo_uploaders (
  sha256 text NOT NULL REFERENCES photos (sha256) ON DELETE CASCADE,
  user_id text NOT NULL,
  PRIMARY KEY (sha256, user_id)
);
INSERT INTO photo_uploaders (sha256, user_id) SELECT sha256, stored_by FROM photos;
