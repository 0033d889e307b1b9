/**
 * The owner organisations come down with every sync run, after the records: a device assigns from
 * this copy, also offline. Read-only here; the coordinator changes them online (/beheer/eigenaren).
 */
import { z } from 'zod';
import { ownerOrganisationSchema } from '../domain/ownerOrganisation';
import type { SchouwDb } from '../storage/db';
import { replaceOrganisations } from '../storage/ownersRepo';
import { json, request, type Fetch } from './http';

const answerSchema = z.object({ organisations: z.array(ownerOrganisationSchema) });

export async function pullOwners(db: SchouwDb, fetchFn: Fetch, baseUrl: string, municipalities: readonly string[]): Promise<void> {
  for (const m of municipalities) {
    const res = await request(fetchFn, baseUrl, `/api/owners?municipality=${encodeURIComponent(m)}`);
    const { organisations } = answerSchema.parse(await json<unknown>(res));
    await replaceOrganisations(db, m, organisations);
  }
}
