import type { SchouwDb } from './db';

/** Replaces every string equal to `from` by `to`, deep; returns the same object when nothing matched. */
function swap<T>(value: T, from: string, to: string): T {
  if (value === from) return to as T;
  if (Array.isArray(value)) {
    const next = value.map((v) => swap(v, from, to));
    return (next.some((v, i) => v !== value[i]) ? next : value) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      next[k] = swap(v, from, to);
      if (next[k] !== v) changed = true;
    }
    return (changed ? next : value) as T;
  }
  return value;
}

/**
 * What was captured on this device before anyone logged in carries the device actor. When a person
 * logs in on the device, their account takes over those unsynced writes (and the history events and
 * records that go with them), so the server accepts them as theirs instead of refusing them. Entries
 * refused earlier for that reason get another chance. One transaction: all or nothing.
 */
export async function adoptDeviceWrites(db: SchouwDb, deviceActorId: string, userId: string): Promise<number> {
  if (!deviceActorId.startsWith('device:') || deviceActorId === userId) return 0;
  return db.transaction('rw', [db.outbox, db.findings, db.findingEvents], async () => {
    let adopted = 0;
    for (const entry of await db.outbox.toArray()) {
      const changes = swap(entry.changes, deviceActorId, userId);
      const events = swap(entry.events, deviceActorId, userId);
      if (changes === entry.changes && events === entry.events) continue;
      const retry = entry.status === 'rejected' && entry.reason === 'not_allowed_for_role';
      await db.outbox.update(entry.seq!, { changes, events, ...(retry ? { status: 'pending' as const, reason: undefined } : {}) });
      adopted++;
    }
    await db.findings.filter((f) => f.createdBy === deviceActorId).modify({ createdBy: userId });
    await db.findingEvents.filter((e) => e.by === deviceActorId).modify({ by: userId });
    return adopted;
  });
}
