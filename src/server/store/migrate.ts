import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlExecutor } from './executor';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

// Beside the compiled entry (dist-server/migrations) or one folder up from this file (src/server/migrations).
export const defaultMigrationsDir = [new URL('./migrations/', import.meta.url), new URL('../migrations/', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => fs.existsSync(path.join(dir, '001_areas.sql'))) ?? fileURLToPath(new URL('../migrations/', import.meta.url));

const fileName = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

// Any constant will do; it only has to be the same for every server process on one database.
const MIGRATION_LOCK_KEY = 727_001;

/** The numbered `.sql` files of `dir`, in order. Two files with one number is a mistake and throws. */
export function loadMigrations(dir: string = defaultMigrationsDir): Migration[] {
  const migrations: Migration[] = [];
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.sql')) continue;
    const m = fileName.exec(file);
    if (!m) throw new Error(`migration file name ${file} must look like 001_some_name.sql`);
    const sql = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n');
    migrations.push({
      version: Number(m[1]),
      name: file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`two migrations have number ${migrations[i]!.version}: ${migrations[i - 1]!.name} and ${migrations[i]!.name}`);
    }
  }
  return migrations;
}

/**
 * Apply the migrations not yet recorded in `schema_migrations`, each in its own transaction, in order.
 * Safe to run again and from several server processes at once (an advisory lock serialises them).
 * An applied migration whose file has changed since is an error: migrations are append-only.
 */
export async function runMigrations(db: SqlExecutor, migrations: readonly Migration[]): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });

  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const [row] = await tx.query<{ checksum: string; name: string }>(
        'SELECT checksum, name FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was changed after it was applied (as ${row.name}); add a new migration instead of editing an old one`,
          );
        }
        return false;
      }
      try {
        await tx.exec(migration.sql);
      } catch (err) {
        throw new Error(`migration ${migration.name} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}

/** What one start's migration run did: how many migrations this version knows, and which ran now. */
export interface MigrationOutcome {
  known: number;
  /** File names of the migrations applied by this run, in order. */
  applied: string[];
}

const SHOWN = 5;

/**
 * The start-up line: `Migrations: 14 applied, 2 new (040_x, 041_y)` or `Migrations: 16 applied, up to
 * date`; a long list names the first few and counts the rest.
 */
export function migrationsLine(o: MigrationOutcome): string {
  const before = o.known - o.applied.length;
  if (o.applied.length === 0) return `Migrations: ${before} applied, up to date`;
  const names = o.applied.map((n) => n.replace(/\.sql$/, ''));
  const shown = names.slice(0, SHOWN).join(', ');
  const more = names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '';
  return `Migrations: ${before} applied, ${o.applied.length} new (${shown}${more})`;
}

