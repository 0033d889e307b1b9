/**
 * Counters of failed logins per key in a fixed window (migration 005), shared by every server process
 * on the same database. A key is "account:<login>" or "address:<ip>"; the caller picks the limits.
 */
import type { SqlExecutor } from './executor';

export interface LoginLimitStore {
  /** The failures of `key` in the window that holds `now`, and when that window ends. */
  failures(key: string, windowMs: number, now?: Date): Promise<{ failures: number; resetAt: Date }>;
  /** One more failure for each key (a new window when the old one has passed). */
  recordFailure(keys: readonly string[], windowMs: number, now?: Date): Promise<void>;
  /** Forget old windows: housekeeping on login, like expired sessions. */
  deleteExpired(windowMs: number, now?: Date): Promise<void>;
}

export class SqlLoginLimitStore implements LoginLimitStore {
  constructor(private readonly db: SqlExecutor) {}

  async failures(key: string, windowMs: number, now = new Date()): Promise<{ failures: number; resetAt: Date }> {
    const [row] = await this.db.query<{ failures: number; window_start: string | Date }>('SELECT failures, window_start FROM login_attempts WHERE key = $1', [key]);
    if (!row) return { failures: 0, resetAt: new Date(now.getTime() + windowMs) };
    const resetAt = new Date(new Date(row.window_start).getTime() + windowMs);
    return resetAt <= now ? { failures: 0, resetAt: new Date(now.getTime() + windowMs) } : { failures: row.failures, resetAt };
  }

  async recordFailure(keys: readonly string[], windowMs: number, now = new Date()): Promise<void> {
    const since = new Date(now.getTime() - windowMs).toISOString();
    for (const key of keys) {
      await this.db.query(
        `INSERT INTO login_attempts (key, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_attempts.window_start <= $3 THEN 1 ELSE login_attempts.failures + 1 END,
           window_start = CASE WHEN login_attempts.window_start <= $3 THEN $2::timestamptz ELSE login_attempts.window_start END`,
        [key, now.toISOString(), since],
      );
    }
  }

  async deleteExpired(windowMs: number, now = new Date()): Promise<void> {
    await this.db.query('DELETE FROM login_attempts WHERE window_start <= $1', [new Date(now.getTime() - windowMs).toISOString()]);
  }
}
