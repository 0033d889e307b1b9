/** A refusal by the device's storage: shown to the person with the space in use, never swallowed. */
export interface QuotaRefusal {
  ok: false;
  reason: 'quota_exceeded';
  used: number | null;
  quota: number | null;
}

/**
 * A full disk shows up as QuotaExceededError (Firefox: NS_ERROR_DOM_QUOTA_REACHED), often wrapped by
 * Dexie (`inner`), or inside a bulk error (`failures`), or as a transaction's abort cause.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

export async function quotaRefusal(): Promise<QuotaRefusal> {
  try {
    const est = await navigator.storage?.estimate?.();
    return { ok: false, reason: 'quota_exceeded', used: est?.usage ?? null, quota: est?.quota ?? null };
  } catch {
    return { ok: false, reason: 'quota_exceeded', used: null, quota: null };
  }
}

/**
 * Runs one write; a quota error becomes a QuotaRefusal (the transaction was rolled back, so nothing
 * is half-written and what was saved before stays). Any other error is a bug and is thrown.
 */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T | QuotaRefusal> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) return quotaRefusal();
    throw error;
  }
}
