/**
 * The people directory: who an id in a history, a list or a report is. Every device that syncs keeps a
 * copy (Dexie `people`), so names show offline too. Pure: the record shape and the name rule.
 */
import { z } from 'zod';
import { roleSchema } from './findingStatus';

export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  organisation: z.string().nullable(),
  roles: z.array(roleSchema),
  /** A disabled account keeps its name in old histories. */
  active: z.boolean(),
  /** The login (an e-mail address as a rule): only coordinators' copies hold it. */
  login: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

export const peopleResponseSchema = z.object({ people: z.array(personSchema) });

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
