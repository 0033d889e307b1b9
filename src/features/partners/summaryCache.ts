/**
 * The last partners' summary this device fetched, so the page still shows it offline. It holds only
 * what the public summary holds (areas, counts, percentages; no photos, free text or finding points).
 */
const KEY = 'schouwkaart.partnersSummary';

export interface CachedSummary<T> {
  fetchedAt: string;
  body: T;
}

export function saveSummary<T>(body: T, now = new Date()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ fetchedAt: now.toISOString(), body }));
  } catch {
    // Full or private storage: the page works online as before.
  }
}

export function loadSummary<T>(isValid: (body: unknown) => body is T): CachedSummary<T> | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { fetchedAt?: unknown; body?: unknown } | null;
    if (!raw || typeof raw.fetchedAt !== 'string' || Number.isNaN(Date.parse(raw.fetchedAt)) || !isValid(raw.body)) return null;
    return { fetchedAt: raw.fetchedAt, body: raw.body };
  } catch {
    return null;
  }
}

/** A summary that is no longer public must not linger on a shared device. */
export function forgetSummary(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
