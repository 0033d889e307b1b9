/**
 * Names for actor ids on this device: the people directory the sync engine keeps in Dexie (SPEC.md
 * R23b), plus the logged-in person (known before the first sync), and the outbox (a change still
 * waiting here is "door dit apparaat"). The rule itself is pure: src/domain/people.ts `actorName`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { actorName, type ActorName, type Person } from '../domain/people';
import type { SchouwDb } from '../storage/db';
import { db as appDb } from './db';
import { useSession } from './session';

const noPeople: Person[] = [];

/** The directory by id, with the logged-in person added when the directory does not know them yet. */
export function usePeople(db: SchouwDb = appDb): ReadonlyMap<string, Person> {
  const rows = useLiveQuery(() => db.people.toArray(), [db]) ?? noPeople;
  const { user } = useSession();
  return useMemo(() => {
    const map = new Map(rows.map((p) => [p.id, p]));
    if (user && !map.has(user.id)) map.set(user.id, { id: user.id, name: user.name, organisation: null, roles: user.roles, active: true });
    return map;
  }, [rows, user]);
}

/** Ids of the finding events still in this device's outbox (pending or refused): not on the server yet. */
export function usePendingChangeIds(db: SchouwDb = appDb): ReadonlySet<string> {
  const ids = useLiveQuery(async () => {
    const set = new Set<string>();
    await db.outbox.each((entry) => {
      for (const e of entry.events) set.add(e.id);
    });
    return set;
  }, [db]);
  return ids ?? emptySet;
}
const emptySet: ReadonlySet<string> = new Set();

/** Words for an `ActorName`: the name (with the organisation when known), this device, or unknown. */
export function nameInWords(name: ActorName, t: (key: string) => string): string {
  if (name.kind === 'thisDevice') return t('people.thisDevice');
  if (name.kind === 'unknown') return t('people.unknown');
  return name.organisation ? `${name.name} (${name.organisation})` : name.name;
}

/** `who(actorId, changeId?)` in words, for histories, lists and reports. */
export function useActorNames(db: SchouwDb = appDb): (actorId: string | null | undefined, changeId?: string) => string {
  const { t } = useTranslation();
  const people = usePeople(db);
  const pending = usePendingChangeIds(db);
  return useCallback((actorId, changeId) => nameInWords(actorName(actorId, { people, pending }, changeId), t), [people, pending, t]);
}

// The words live in i18nPeople.ts, so main.tsx registers them without loading Dexie with this module.
export { peopleStrings } from './i18nPeople';
