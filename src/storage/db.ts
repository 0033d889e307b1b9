import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { OwnerOrganisation } from '../domain/ownerOrganisation';
import type { Area } from '../domain/area';
import type { Finding, FindingEvent } from '../domain/finding';
import type { Inspection } from '../domain/inspection';
import type { Shop } from '../domain/shop';
import type { AreaCertificationRecord, ProgrammeFreezeRecord, ProgrammeResponseRecord } from '../domain/certificationRecord';
import type { ScoringTableRecord } from '../domain/scoring/scoringTableRecord';
import type { Person } from '../domain/people';
import { upgradeCertificationIds } from './upgrades/v8CertificationIds';
import type { Worry } from '../domain/worry';
import { mapIndexMiddleware, type MapIndexRow } from './mapIndex';

export interface OfflinePackRecord {
  areaId: string;
  /** Tile URL template the pack was downloaded with; a pack is only valid for that basemap. */
  template: string;
  minZoom: number;
  maxZoom: number;
  tileCount: number;
  doneCount: number;
  bytes: number;
  status: 'partial' | 'complete';
  updatedAt: string;
}

export type StoredArea = Area;

/** A photo taken on the device: re-encoded bytes (no EXIF), keyed by the SHA-256 of those bytes. */
export interface PhotoRecord {
  hash: string;
  blob: Blob;
  type: string;
  width: number;
  height: number;
  createdAt: string;
  /** Set once the server has the bytes; until then the sync engine uploads it. */
  uploadedAt?: string;
  /** Epoch ms this photo was last shown: once uploaded, the photo cache may evict it (R18b). */
  lastUsedAt?: number;
}

/** The sizes the server serves (SPEC.md R18a; the same names as the protocol's `photoSizes`). */
export type PhotoSizeName = 'thumb' | 'view' | 'original';

/** One size of a photo fetched from the server (R18b): evicted least recently used first. */
export interface PhotoCacheRecord {
  /** `<hash>:<size>`. */
  key: string;
  hash: string;
  size: PhotoSizeName;
  blob: Blob;
  bytes: number;
  /** Epoch ms. */
  lastUsedAt: number;
}

/** One local write waiting to be pushed; kept (never dropped) until the server accepts or the person acts. */
export interface OutboxEntry {
  seq?: number;
  mutationId: string;
  table: 'findings' | 'inspections' | 'shops' | 'areas' | 'certifications' | 'worries';
  recordId: string;
  /** Only the fields this write changed. */
  changes: Record<string, unknown>;
  baseRevision: number | null;
  events: FindingEvent[];
  createdAt: string;
  status: 'pending' | 'rejected';
  reason?: string;
  /** With `invalid_input`: the JSON pointer of the refused value in the mutation ("/changes/description"). */
  field?: string;
  /** R55: a record offered again after a restore; the epoch the device knew it in. */
  recovers?: string;
}

/** The record is the domain's inspection; the type is inferred from its schema, never written twice. */
export type InspectionRecord = Inspection;

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type SchouwDb = Dexie & {
  areas: EntityTable<StoredArea, 'id'>;
  offlinePacks: EntityTable<OfflinePackRecord, 'areaId'>;
  findings: EntityTable<Finding, 'id'>;
  findingEvents: EntityTable<FindingEvent, 'id'>;
  photos: EntityTable<PhotoRecord, 'hash'>;
  photoCache: EntityTable<PhotoCacheRecord, 'key'>;
  inspections: EntityTable<InspectionRecord, 'id'>;
  shops: EntityTable<Shop, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaRecord, 'key'>;
  areaCertifications: EntityTable<AreaCertificationRecord, 'id'>;
  programmeResponses: EntityTable<ProgrammeResponseRecord, 'id'>;
  programmeFreezes: EntityTable<ProgrammeFreezeRecord, 'id'>;
  scoringTables: EntityTable<ScoringTableRecord, 'id'>;
  people: EntityTable<Person, 'id'>;
  /** The server's owner organisations per municipality, read-only on the device (assigning offline). */
  ownerOrganisations: Table<OwnerOrganisation, [string, string]>;
  worries: EntityTable<Worry, 'id'>;
  /** The findings' map fields as columns (storage/mapIndex.ts), kept in step by a middleware. */
  mapIndex: EntityTable<MapIndexRow, 'key'>;
};

/**
 * Schema versions are append-only: a device may skip versions, so every version stays here in order,
 * with its upgrade function when data must change shape.
 */
export const schemaVersions: { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  { version: 1, stores: { areas: 'id, municipality, name', offlinePacks: 'areaId' } },
  {
    version: 2,
    stores: {
      findings: 'id, municipality, areaId, inspectionId, status, updatedAt',
      findingEvents: 'id, findingId, at',
      photos: 'hash, uploadedAt',
      inspections: 'id, municipality, areaId, status, startsAt',
      shops: 'id, municipality, name',
      outbox: '++seq, &mutationId, recordId, status',
      meta: 'key',
    },
  },
  {
    // Certification: per area and year (answers, frozen score), per year and respondent (programme
    // checklist), per year the frozen programme score.
    version: 3,
    stores: {
      areaCertifications: 'id, municipality, areaId, year',
      programmeResponses: 'id, municipality, year',
      programmeFreezes: 'id, municipality, year',
    },
  },
  {
    // Corrected scoring tables: every version kept, the latest per kind scores open years.
    version: 4,
    stores: { scoringTables: 'id, kind, createdAt' },
  },
  {
    // Photos fetched from the server, by hash and size, under a byte cap (R18b).
    version: 5,
    stores: { photoCache: 'key, hash, lastUsedAt' },
  },
  {
    // The people directory (GET /api/people), so histories show names offline. New table only: a device
    // coming from any earlier version just gets it empty until the next sync run fills it.
    version: 6,
    stores: { people: 'id' },
  },
  {
    // Owner organisations, a copy of the server's list per municipality (no upgrade: filled by sync).
    version: 7,
    stores: { ownerOrganisations: '[municipality+id], municipality' },
  },
  {
    // SPEC.md R32: certification ids start with their municipality; records, known revisions and
    // outbox entries move to the new ids (src/storage/upgrades/v8CertificationIds.ts).
    version: 8,
    stores: {},
    upgrade: upgradeCertificationIds,
  },
  {
    // The pull writes one row per finding (SPEC.md R38): the known server revision and conflicts move
    // from a `meta` row per finding into the finding's own row (`_sync`), and the indexes nothing
    // queries go, so each pulled finding costs one write with two index entries instead of three
    // writes with eight. Created events already on the device stay (history reads derive them, R39).
    version: 10,
    stores: { findings: 'id, areaId, inspectionId', findingEvents: 'id, findingId' },
    upgrade: moveKnownRevisionsIntoFindings,
  },
  {
    // Shopkeepers' worries the coordinator accepted (SPEC.md R47), pulled like any synced record and
    // checked on the walk (R48). New table only: filled by the next pull.
    version: 16,
    stores: { worries: 'id, municipality, areaId, status' },
  },
  {
    // The map index (storage/mapIndex.ts): the findings' map fields as columns in a few rows. No
    // upgrade: the first map that reads it builds it from the findings, and every write after that
    // keeps it in step in the write's own transaction.
    version: 18,
    stores: { mapIndex: 'key' },
  },
];

/** Version 10's upgrade: `meta` rows `sync/findings/<id>` become the finding's `_sync` (R38). */
async function moveKnownRevisionsIntoFindings(tx: Transaction): Promise<void> {
  const prefix = 'sync/findings/';
  const rows = (await tx.table('meta').where('key').startsWith(prefix).toArray()) as MetaRecord[];
  const byId = new Map(rows.map((r) => [r.key.slice(prefix.length), r.value]));
  await tx
    .table('findings')
    .where('id')
    .anyOf([...byId.keys()])
    .modify((f: Record<string, unknown>) => {
      f[SYNC_FIELD] = byId.get(f.id as string);
    });
  await tx.table('meta').bulkDelete(rows.map((r) => r.key));
}

/**
 * The property of a stored finding that holds what the device knows of its server side (R38): its
 * revision and conflicts. Not part of the domain's Finding; the sync (src/sync/apply.ts) reads and
 * writes it, local writes keep it because they spread the stored finding.
 */
export const SYNC_FIELD = '_sync';

export function openDb(name = 'schouwkaart'): SchouwDb {
  const db = new Dexie(name) as SchouwDb;
  for (const v of schemaVersions) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  db.use(mapIndexMiddleware);
  return db;
}
