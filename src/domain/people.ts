/**
 * The people directory: who an id in a history, a list or a report is. Every device that syncs keeps a
 * copy (Dexie `people`), so names show offline too. Pure: the record shape and the name rule.
 */
import type { Person } from './personRecord';

export type { Person } from './personRecord';

/** Who did something, as the screens say it. */
export type ActorName = { kind: 'person'; name: string; organisation: string | null } | { kind: 'thisDevice' } | { kind: 'unknown' };

export interface NameContext {
  /** The directory, by id. */
  people: ReadonlyMap<string, Pick<Person, 'name' | 'organisation'>>;
  /** Ids of changes made on this device that the server has not accepted yet (the outbox). */
  pending?: ReadonlySet<string>;
}

/**
 * The rule: a change still waiting on this device is "this device" (whoever made it; it has not
 * reached anyone else); anything else is the person's name from the directory; an id nobody knows,
 * or an anonymous device's id, is "unknown participant" and never the raw id.
 */
export function actorName(actorId: string | null | undefined, ctx: NameContext, changeId?: string): ActorName {
  if (changeId !== undefined && ctx.pending?.has(changeId)) return { kind: 'thisDevice' };
  const person = actorId ? ctx.people.get(actorId) : undefined;
  if (person && person.name.trim() !== '') return { kind: 'person', name: person.name, organisation: person.organisation };
  return { kind: 'unknown' };
}
