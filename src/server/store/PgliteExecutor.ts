import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { StartupError, errorCode, errorMessage } from '../errors';
import { describeFsError, whyNotWritable } from '../writableDir';
import type { Row, SqlExecutor, SqlParam, SqlQueryable } from './executor';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function queryable(db: PgliteLike): SqlQueryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await db.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}

/** Embedded PostgreSQL (WASM). One process per data directory, which a lock file next to it enforces. */
export class PgliteExecutor implements SqlExecutor {
  readonly kind = 'pglite';
  readonly description: string;
  private readonly q: SqlQueryable;

  private constructor(
    private readonly db: PGlite,
    private readonly lock: DirLock | undefined,
    dataDir: string | undefined,
  ) {
    this.description = dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory';
    this.q = queryable(db);
  }

  /**
   * Open (creating if needed) the database in `dataDir`, or an in-memory one when it is undefined.
   * `loadDataDir` starts a new database from a `dumpDataDir()` tarball (tests use it to skip initdb).
   */
  static async open(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteExecutor> {
    const { loadDataDir } = options;
    if (dataDir === undefined) return new PgliteExecutor(await PGlite.create({ loadDataDir }), undefined, undefined);
    const dir = path.resolve(dataDir);
    // Created if needed. PGlite itself only says "failed to initialize properly" on a read-only folder.
    const why = await whyNotWritable(dir);
    if (why) throw new StartupError(`the data directory ${dir} is not writable (${why}); make it writable or set DATA_DIR to a writable directory`);
    const lock = DirLock.acquire(`${dir}.lock`, dir);
    try {
      const db = await PGlite.create(dir, { loadDataDir });
      return new PgliteExecutor(db, lock, dir);
    } catch (err) {
      lock.release();
      throw new StartupError(`cannot open the PGlite database in ${dir}: ${errorMessage(err)}`, { cause: err });
    }
  }

  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.q.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.q.exec(sql);
  }

  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(queryable(tx)));
  }

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.lock?.release();
    }
  }
}

/**
 * A pid file: PGlite must never be opened by two processes at once (that corrupts it). A lock left by a
 * process that no longer runs is taken over.
 */
class DirLock {
  /** Lock files held by this process (a pid file cannot tell two opens in one process apart). */
  private static readonly held = new Set<string>();
  private released = false;
  private constructor(private readonly file: string) {
    DirLock.held.add(file);
  }

  static acquire(file: string, dir: string): DirLock {
    if (DirLock.held.has(file)) {
      throw new StartupError(`the database in ${dir} is in use by another process (this one, pid ${process.pid}); close it first`);
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx');
        fs.writeSync(fd, `${process.pid}\n`);
        fs.closeSync(fd);
        return new DirLock(file);
      } catch (err) {
        if (errorCode(err) !== 'EEXIST') {
          throw new StartupError(`cannot create the lock file ${file}: ${describeFsError(err)}`);
        }
      }
      const pid = Number.parseInt(safeRead(file), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new StartupError(
          `the database in ${dir} is in use by another process (pid ${pid}); stop it or set DATA_DIR to another directory (if no such process runs, delete ${file})`,
        );
      }
      // Stale: its process is gone. Remove it and try once more.
      try {
        fs.unlinkSync(file);
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') throw new StartupError(`cannot remove the stale lock file ${file}: ${describeFsError(err)}`);
      }
    }
    throw new StartupError(`cannot lock the database in ${dir}: another process keeps taking ${file}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    DirLock.held.delete(this.file);
    try {
      if (safeRead(this.file).trim() === String(process.pid)) fs.unlinkSync(this.file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}
