-- 095: where the database's epoch began (SPEC.md R54).
--
-- A restore (src/server/ops/backup.ts) records the epoch of the backup it restored and the backup's
-- head revision: every revision up to that head is in the backup, every later one of the old epoch was
-- lost. Pull answers carry both, so a device of the old epoch knows which of its records the server may
-- no longer have (those it knew at a higher revision) and offers them again (R55). NULL while the
-- database was never restored.
ALTER TABLE server_epoch ADD COLUMN restored_from_epoch text;
ALTER TABLE server_epoch ADD COLUMN restored_from_head bigint;
