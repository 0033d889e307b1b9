-- 040: certification ids carry their municipality (src/sync/SPEC.md R32).
--
-- Ids used to be `${areaId}/${year}` (an area's answers), `${year}/${respondent}` (a respondent's
-- programme checklist) and `${kind}/${version}` (a corrected scoring table), so a second municipality
-- writing `2026/police` hit the first one's record and was refused. Each such record now gets its
-- municipality in front (`deventer/2026/police`), in the key and in the record's own `id`; its revision
-- and per-field revisions stay, so a device's pending changes keep their base (R4). A frozen programme
-- year (`${municipality}/${year}`) already had it. Devices rewrite their copies in Dexie version 8.
UPDATE sync_records
   SET id = municipality || '/' || id,
       data = CASE WHEN data ? 'id' THEN jsonb_set(data, '{id}', to_jsonb(municipality || '/' || id)) ELSE data END
 WHERE kind = 'certifications'
   AND municipality IS NOT NULL
   AND NOT (data ? 'respondents')
   AND (
     (jsonb_typeof(data->'respondent') = 'string' AND id = (data->>'year') || '/' || (data->>'respondent'))
     OR (data ? 'basedOn' AND data ? 'table' AND id = (data->>'kind') || '/' || (data->>'version'))
     OR (jsonb_typeof(data->'areaId') = 'string' AND NOT (data ? 'respondent') AND NOT (data ? 'basedOn') AND id = (data->>'areaId') || '/' || (data->>'year'))
   )
   -- Never onto a key that is taken (it cannot be, short of an area id that looks like a municipality's).
   AND NOT EXISTS (SELECT 1 FROM sync_records o WHERE o.kind = 'certifications' AND o.id = sync_records.municipality || '/' || sync_records.id);
