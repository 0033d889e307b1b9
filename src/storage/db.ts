import Dexie, { type EntityTable, type Table } from 'dexie';
import type { OwnerOrganisation } from '../domain/ownerOrganisation';
import type { Area } from '../domain/area';
import type { Finding, FindingEvent } from '../domain/finding';
import type { Inspection } from '../domain/inspection';
import type { Shop } from '../domain/shop';
import type { AreaCertificationRecord, ProgrammeFreezeRecord, ProgrammeResponseRecord } from '../domain/certificationRecord';
import type { ScoringTableRecord } from '../domain/scoring/scoringTableRecord';
import type { Person } from '../domain/people';

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
  table: 'findings' | 'inspections' | 'shops' | 'areas' | 'certifications';
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
};

/**
 * Schema versions are append-only: a device may skip versions, so every version stays here in order,
 * with its upgrade function when data must change shape.
 */
export const schemaVersions: { version: number; stores: Record<string, string> }[] = [
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
];

export function openDb(name = 'schouwkaart'): SchouwDb {
  const db = new Dexie(name) as SchouwDb;
  for (const v of schemaVersions) db.version(v.version).stores(v.stores);
  return db;
}
