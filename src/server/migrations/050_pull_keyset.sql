-- 050: pull pages by keyset per (municipality, kind) (SPEC.md R10, R40). A page reads, for each
-- municipality and kind the actor may see, the next rows after the cursor from one of these indexes,
-- so its cost does not grow with the rows before or after it. The partial index serves the pull that
-- leaves the findings' creation events out (R39); its predicate is written as the query writes it.
CREATE INDEX sync_records_scope_revision_idx ON sync_records (municipality, kind, revision);
CREATE INDEX sync_events_scope_revision_idx ON sync_events (municipality, kind, revision);
CREATE INDEX sync_events_history_scope_revision_idx ON sync_events (municipality, kind, revision) WHERE (data->>'kind') <> 'created';
