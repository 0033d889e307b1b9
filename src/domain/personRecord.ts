/**
 * The record of the people directory (zod). Apart from the name rule in people.ts, so that the screens
 * that only show names do not carry the validator onto the first screen.
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
