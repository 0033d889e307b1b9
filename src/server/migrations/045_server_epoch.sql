-- 045: the database's epoch (SPEC.md R35).
--
-- A random id made once, when this migration runs, and made anew by every restore
-- (src/server/ops/backup.ts). Pull answers carry it with the head revision, so a device whose stored
-- revision belongs to another epoch (a database restored from a backup, where the revision counter
-- went back) learns that its revision means nothing here and pulls everything again.
CREATE TABLE server_epoch (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  epoch text NOT NULL
);
INSERT INTO server_epoch (singleton, epoch) VALUES (true, gen_random_uuid()::text);
