import { AREA_CERTIFICATION_TABLE, type AreaScoringTable } from '../domain/scoring/areaCertification';
import { PROGRAMME_CHECKLIST_TABLE, type ProgrammeScoringTable } from '../domain/scoring/programmeChecklist';
import { scoringTableRecordId, type ScoringTableRecord } from '../domain/scoring/scoringTableRecord';
import { applyCorrection, nextVersion, type Changes, type CorrectionRefusal, type TableKind } from '../domain/scoring/tableCorrection';
import type { SchouwDb } from './db';
import { outboxEntry } from './outbox';

/**
 * The scoring tables on the device: the built-in defaults plus every corrected version. Saving a
 * correction adds a NEW version (record + outbox entry in one transaction); old ones stay listable.
 */

export const defaultTables = { area: AREA_CERTIFICATION_TABLE, programme: PROGRAMME_CHECKLIST_TABLE } as const;
export interface LatestTables {
  area: AreaScoringTable;
  programme: ProgrammeScoringTable;
}

/**
 * Whether a stored version belongs to `municipality` (R32: each municipality corrects its own tables);
 * a version from before tables had a municipality is everyone's.
 */
export const tableOf = (municipality: string) => (r: ScoringTableRecord) => r.municipality === undefined || r.municipality === municipality;

/** Versions of one kind of one municipality, oldest first. */
export async function listTableVersions(db: SchouwDb, kind: TableKind, municipality: string): Promise<ScoringTableRecord[]> {
  const rows = (await db.scoringTables.where('kind').equals(kind).toArray()).filter(tableOf(municipality));
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The newest table of each kind (the default when none was corrected). */
export function latestOf(rows: readonly ScoringTableRecord[]): LatestTables {
  const sorted = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const out: LatestTables = { ...defaultTables };
  for (const r of sorted) {
    if (r.kind === 'area') out.area = r.table;
    else out.programme = r.table;
  }
  return out;
}

export async function latestTables(db: SchouwDb, municipality: string): Promise<LatestTables> {
  return latestOf((await db.scoringTables.toArray()).filter(tableOf(municipality)));
}

export async function saveTableCorrection(
  db: SchouwDb,
  input: { kind: TableKind; changes: Changes; why: string; by: string; municipality: string; now?: Date },
): Promise<{ ok: true; value: ScoringTableRecord } | CorrectionRefusal> {
  return db.transaction('rw', db.scoringTables, db.outbox, async () => {
    const versions = await listTableVersions(db, input.kind, input.municipality);
    const current = versions.length > 0 ? versions[versions.length - 1]!.table : defaultTables[input.kind];
    const version = nextVersion(current.version, [defaultTables[input.kind].version, ...versions.map((v) => v.version)]);
    const result = applyCorrection(input.kind, current, { changes: input.changes, why: input.why, version });
    if (!result.ok) return result;
    const at = (input.now ?? new Date()).toISOString();
    const base = {
      id: scoringTableRecordId(input.municipality, input.kind, version),
      version,
      basedOn: current.version,
      changed: result.changed,
      why: input.why.trim(),
      createdBy: input.by,
      createdAt: at,
      // Every synced record belongs to one municipality; the server refuses one without (R30).
      municipality: input.municipality,
    };
    const record: ScoringTableRecord =
      input.kind === 'area'
        ? { ...base, kind: 'area', table: result.table as AreaScoringTable }
        : { ...base, kind: 'programme', table: result.table as ProgrammeScoringTable };
    await db.scoringTables.add(record);
    await db.outbox.add(outboxEntry('certifications', record.id, { ...record }, [], new Date(at)));
    return { ok: true as const, value: record };
  });
}
