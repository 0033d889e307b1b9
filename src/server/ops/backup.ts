/**
 * Backup and restore of one installation: every table of the database and every photo, in one ZIP
 * archive with a manifest (format, schema version, row counts, checksums).
 *
 * The database goes in as JSON lines per table, read in one REPEATABLE READ transaction (a consistent
 * snapshot while the server runs on PostgreSQL), and comes back through `json_populate_recordset`, so
 * the same archive restores into PGlite or PostgreSQL alike, with no pg_dump of a matching version.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { loadMigrations, runMigrations, type Migration } from '../store/migrate';
import type { SqlExecutor, SqlQueryable } from '../store/executor';
import type { PhotoStore } from '../sync/PhotoStore';

export const BACKUP_FORMAT = 1;

export interface Manifest {
  format: number;
  app: 'schouwkaart';
  createdAt: string;
  /** Highest migration applied when the backup was made. */
  schemaVersion: number;
  database: 'pglite' | 'postgres';
  tables: Record<string, { rows: number; sha256: string }>;
  photos: { count: number; bytes: number; files: Record<string, string> };
}

export type BackupRefusal =
  | { code: 'not_empty'; detail: string }
  | { code: 'not_a_backup'; detail: string }
  | { code: 'newer_schema'; detail: string }
  | { code: 'checksum_mismatch'; detail: string };

export class BackupError extends Error {
  constructor(readonly refusal: BackupRefusal) {
    super(refusal.detail);
    this.name = 'BackupError';
  }
}

// Rebuilt by the migrations of the target, never copied.
const NOT_COPIED = new Set(['schema_migrations']);

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tableNames(q: SqlQueryable): Promise<string[]> {
  const rows = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => !NOT_COPIED.has(t));
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
async function insertOrder(q: SqlQueryable, tables: string[]): Promise<string[]> {
  const refs = await q.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const r of refs) if (r.child === t && r.parent !== t) visit(r.parent, path);
    seen.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

function zipToFile(file: string): { add(name: string, data: Uint8Array, compress: boolean): void; end(): Promise<void> } {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let failed: Error | undefined;
  const zip = new Zip((err, chunk, final) => {
    if (err) failed = err;
    else out.write(chunk);
    if (final) out.end();
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', () => (failed ? reject(failed) : resolve()));
    out.on('error', reject);
  });
  return {
    add(name, data, compress) {
      const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      zip.add(entry);
      entry.push(data, true);
    },
    async end() {
      zip.end();
      await done;
    },
  };
}

/** Writes the archive. The photos are read one by one, so memory holds one photo at a time. */
export async function backup(file: string, deps: { db: SqlExecutor; photos: PhotoStore; now?: Date }): Promise<Manifest> {
  const zip = zipToFile(`${file}.partial`);
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    app: 'schouwkaart',
    createdAt: (deps.now ?? new Date()).toISOString(),
    schemaVersion: 0,
    database: deps.db.kind,
    tables: {},
    photos: { count: 0, bytes: 0, files: {} },
  };
  await deps.db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const [v] = await tx.query<{ v: number | null }>('SELECT max(version)::int AS v FROM schema_migrations');
    manifest.schemaVersion = v?.v ?? 0;
    for (const t of await tableNames(tx)) {
      const rows = await tx.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${ident(t)} t`);
      const body = new TextEncoder().encode(rows.map((r) => r.j).join('\n'));
      manifest.tables[t] = { rows: rows.length, sha256: sha256(body) };
      zip.add(`db/${t}.jsonl`, body, true);
    }
  });
  for await (const key of deps.photos.list()) {
    const bytes = await deps.photos.get(key);
    if (!bytes) continue; // removed meanwhile (retention): not part of this backup
    manifest.photos.files[key] = sha256(bytes);
    manifest.photos.count++;
    manifest.photos.bytes += bytes.length;
    zip.add(`photos/${key}`, bytes, false);
  }
  zip.add('manifest.json', new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true);
  await zip.end();
  // Only a whole archive carries the name that was asked for.
  fs.renameSync(`${file}.partial`, file);
  return manifest;
}

/** Reads an archive's entries (the archive is read as a stream; entries are kept until restored). */
async function readArchive(file: string): Promise<Map<string, Uint8Array>> {
  const entries = new Map<string, Uint8Array>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const pending: Promise<void>[] = [];
  unzip.onfile = (f) => {
    const chunks: Uint8Array[] = [];
    pending.push(
      new Promise<void>((resolve, reject) => {
        f.ondata = (err, chunk, final) => {
          if (err) return reject(err);
          chunks.push(chunk);
          if (final) {
            entries.set(f.name, Buffer.concat(chunks));
            resolve();
          }
        };
        f.start();
      }),
    );
  };
  const buf = fs.readFileSync(file);
  try {
    unzip.push(buf, true);
    await Promise.all(pending);
  } catch {
    throw new BackupError({ code: 'not_a_backup', detail: `${file} is not a readable Schouwkaart backup (not a ZIP archive)` });
  }
  return entries;
}

function parseManifest(entries: Map<string, Uint8Array>, file: string): Manifest {
  const raw = entries.get('manifest.json');
  let m: Manifest | undefined;
  try {
    m = raw ? (JSON.parse(new TextDecoder().decode(raw)) as Manifest) : undefined;
  } catch {
    m = undefined;
  }
  if (!m || m.app !== 'schouwkaart' || typeof m.tables !== 'object') {
    throw new BackupError({ code: 'not_a_backup', detail: `${file} has no Schouwkaart manifest.json` });
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError({ code: 'not_a_backup', detail: `backup format ${m.format} is not supported (this version reads ${BACKUP_FORMAT})` });
  return m;
}

/** Rows of the tables that hold what people made: a database with any of them is not empty. */
async function isEmpty(q: SqlQueryable): Promise<{ empty: boolean; detail: string }> {
  const tables = new Set(await tableNames(q));
  for (const t of ['users', 'sync_records', 'area_versions']) {
    if (!tables.has(t)) continue;
    const [r] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t)}`);
    if ((r?.n ?? 0) > 0) return { empty: false, detail: `${t} has ${r!.n} rows` };
  }
  return { empty: true, detail: '' };
}

/**
 * Restores into an empty database and photo store: the schema is migrated to the backup's version, the
 * rows go in, then the newer migrations of this version run over them. A non-empty target is refused
 * unless `force` (then its rows are replaced). Checksums are verified before anything is written.
 * The restored database gets a new epoch (SPEC.md R35): devices that synced with the old one re-pull.
 */
export async function restore(
  file: string,
  deps: { db: SqlExecutor; photos: PhotoStore; force?: boolean; migrations?: readonly Migration[] },
): Promise<Manifest> {
  const entries = await readArchive(file);
  const manifest = parseManifest(entries, file);
  const migrations = deps.migrations ?? loadMigrations();
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if (manifest.schemaVersion > latest) {
    throw new BackupError({ code: 'newer_schema', detail: `the backup has schema version ${manifest.schemaVersion}, this version of the server knows up to ${latest}; restore with a newer version` });
  }
  for (const [t, info] of Object.entries(manifest.tables)) {
    const body = entries.get(`db/${t}.jsonl`);
    if (!body || sha256(body) !== info.sha256) throw new BackupError({ code: 'checksum_mismatch', detail: `table ${t} in the backup is damaged (checksum mismatch)` });
  }
  for (const [key, sum] of Object.entries(manifest.photos.files)) {
    const body = entries.get(`photos/${key}`);
    if (!body || sha256(body) !== sum) throw new BackupError({ code: 'checksum_mismatch', detail: `photo ${key} in the backup is damaged (checksum mismatch)` });
  }

  await runMigrations(deps.db, migrations.filter((m) => m.version <= manifest.schemaVersion));
  const state = await isEmpty(deps.db);
  if (!state.empty && !deps.force) {
    throw new BackupError({ code: 'not_empty', detail: `the target database is not empty (${state.detail}); restore into an empty one, or pass --force to replace its contents` });
  }
  await deps.db.transaction(async (tx) => {
    const present = await tableNames(tx);
    const order = await insertOrder(tx, present);
    if (present.length > 0) await tx.exec(`TRUNCATE ${present.map(ident).join(', ')} CASCADE`);
    for (const t of order) {
      const body = entries.get(`db/${t}.jsonl`);
      if (!body || body.length === 0) continue;
      const lines = new TextDecoder().decode(body).split('\n');
      // In slices, so one statement's parameter stays a moderate size.
      for (let i = 0; i < lines.length; i += 2000) {
        const json = `[${lines.slice(i, i + 2000).join(',')}]`;
        await tx.query(`INSERT INTO ${ident(t)} SELECT * FROM json_populate_recordset(NULL::${ident(t)}, $1::json)`, [json]);
      }
    }
  });
  await runMigrations(deps.db, migrations);
  // A new epoch: the revision counter went back to the backup's, so every device pulls anew (R35). It
  // names the backup's epoch and head, so devices offer again what the server lost after it (R54).
  await deps.db.query(
    `UPDATE server_epoch SET restored_from_epoch = epoch, restored_from_head = (SELECT value FROM revision_counter), epoch = gen_random_uuid()::text`,
  );
  for (const key of Object.keys(manifest.photos.files)) await deps.photos.put(key, Buffer.from(entries.get(`photos/${key}`)!));
  return manifest;
}
