-- 080: sync_records_municipality_idx (municipality, kind) of migration 010 is a prefix of
-- sync_records_scope_revision_idx (municipality, kind, revision) of migration 050, which serves every
-- query the old one did; keeping both only costs each record write a second index entry.
DROP INDEX IF EXISTS sync_records_municipality_idx;
