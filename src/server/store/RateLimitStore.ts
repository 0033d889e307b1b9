/**
 * Requests per key in a fixed window (migration 090), shared by every server process on the same
 * database: the public survey and worry routes count per client address and per link here (SPEC.md
 * R45, R47), so the limit holds for the service, not per process.
 */
import type { SqlExecutor } from './executor';

export interface RateTake {
  /** Whether this request is within the limit. */
  allowed: boolean;
  /** Requests of the key in its window, this one included. */
  requests: number;
  /** When the key's window ends. */
  resetAt: Date;
}

export interface RateLimitStore {
  /** Counts one request for `key` (a new window when the old one has passed); refused from `max` + 1 on. */
  take(key: string, max: number, windowMs: number, now?: Date): Promise<RateTake>;
  /** Forget windows that ended before `now - windowMs`. */
  deleteExpired(windowMs: number, now?: Date): Promise<number>;
}

export class SqlRateLimitStore implements RateLimitStore {
  constructor(private readonly db: SqlExecutor) {}

  async take(key: string, max: number, windowMs: number, now = new Date()): Promise<RateTake> {
    const since = new Date(now.getTime() - windowMs).toISOString();
    // One statement: the row lock of the upsert orders concurrent requests of the same key.
    const [row] = await this.db.query<{ requests: number; window_start: string | Date }>(
      `INSERT INTO public_rate_windows (key, window_start, requests) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         requests = CASE WHEN public_rate_windows.window_start <= $3 THEN 1 ELSE public_rate_windows.requests + 1 END,
         window_start = CASE WHEN public_rate_windows.window_start <= $3 THEN $2::timestamptz ELSE public_rate_windows.window_start END
       RETURNING requests, window_start`,
      [key, now.toISOString(), since],
    );
    const requests = Number(row!.requests);
    return { allowed: requests <= max, requests, resetAt: new Date(new Date(row!.window_start).getTime() + windowMs) };
  }

  async deleteExpired(windowMs: number, now = new Date()): Promise<number> {
    const rows = await this.db.query<{ key: string }>('DELETE FROM public_rate_windows WHERE window_start <= $1 RETURNING key', [new Date(now.getTime() - windowMs).toISOString()]);
    return rows.length;
  }
}
