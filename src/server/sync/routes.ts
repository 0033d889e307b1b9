/**
 * POST /api/sync/push and GET /api/sync/pull (SPEC.md R3-R13, R16, R19), and the photo routes.
 * Registered from buildApp with one line: `registerSync(app, { store, photosDir })`.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { requireRoles } from '../auth/guard';
import { findUnstorable, isStorableText, toPointer } from '../../domain/text';
import {
  mutationSchema,
  pullQuerySchema,
  pushEnvelopeSchema,
  SYNC_EPOCH_HEADER,
  syncTables,
  type Mutation,
  type MutationResult,
  type SyncTable,
} from '../../sync/protocol';
import type { Store } from '../store/Store';
import { resultWithRecord, type MunicipalityScope, type StoredRecord, type StoredResult } from '../store/SyncStore';
import { readableTables, syncRoles } from './access';
import { decide } from './decide';
import { withAssignmentMail } from '../mail/assignmentMails';
import { FsPhotoStore, type PhotoStore } from './PhotoStore';
import { registerPhotoRoutes } from './photos';
import type { Places } from './places';
import { tryAgainCause } from '../errors';
import { noteTryAgain } from '../metrics';

export interface SyncOptions {
  store: Pick<Store, 'sync' | 'owners' | 'mail'>;
  /** Where photos go when no `photoStore` is given: `<DATA_DIR>/photos` in production. */
  photosDir?: string;
  photoStore?: PhotoStore;
  /** The server's clock, injectable for tests. */
  now?: () => Date;
  /** Boundaries and areas: where a finding may lie and which area it is in (defect 7 of issue 12). */
  places?: Places;
}

/**
 * R24: one mutation's content, checked on its own: text the database cannot store first (named by
 * its pointer wherever it is, keys too), then the record schemas (R19's limits and shapes).
 */
export function checkMutation(raw: unknown): { ok: true; m: Mutation } | { ok: false; field: string } {
  const bad = findUnstorable(raw);
  if (bad) return { ok: false, field: toPointer(bad) };
  const r = mutationSchema.safeParse(raw);
  if (!r.success) return { ok: false, field: toPointer(r.error.issues[0]?.path ?? []) };
  return { ok: true, m: r.data };
}

// 100 mutations of a full finding with events fit easily; a bigger body is refused as 413 before parsing.
const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

/** Sorted keys: the same content always hashes the same, whatever order a client wrote its keys in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** R6: content is what the mutation changes, not seq or baseRevision (a device may learn those later). */
export function contentHash(m: Mutation): string {
  const content = { clientId: m.clientId, table: m.table, recordId: m.recordId, changes: m.changes, events: m.events, ...(m.recovers !== undefined ? { recovers: m.recovers } : {}) };
  return createHash('sha256').update(canonical(content)).digest('hex');
}

/** Where a pushed record says it belongs; the store checks it against the actor's municipalities. */
function claimedMunicipality(m: Mutation): string | null {
  const value = (m.changes as Record<string, unknown>).municipality;
  return typeof value === 'string' ? value : null;
}

export function registerSync(app: FastifyInstance, options: SyncOptions): void {
  const sync = options.store.sync;
  const now = options.now ?? (() => new Date());
  const photos = options.photoStore ?? new FsPhotoStore(options.photosDir ?? path.resolve('data', 'photos'));

  // Text checks happen per mutation here (R24), not for the whole body (bodyGuard.ts).
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT, preHandler: requireRoles(...syncRoles), config: { perMutationInput: true } }, async (request, reply) => {
    const raws = pushEnvelopeSchema.parse(request.body).mutations; // a ZodError is a 400 with paths (R19)
    const actor = request.actor!;
    const scope = actor.municipalities;
    const checked = raws.map(checkMutation);
    const hashes = checked.map((c) => (c.ok ? contentHash(c.m) : null));
    const known = await sync.findMutations(raws.map((m) => m.mutationId));
    const reused = raws.find((m, i) => {
      const k = known.get(m.mutationId);
      return k !== undefined && k.contentHash !== hashes[i];
    });
    if (reused) return reply.code(409).send({ error: 'mutation_id_reused', mutationId: reused.mutationId }); // R7
    const places = checked.some((c) => c.ok && c.m.table === 'findings') ? await options.places?.load() : undefined;
    // R54: a push names the epoch its base revisions count in; of another epoch, the device pulls first.
    const { epoch, restoredFrom } = await sync.head();
    const deviceEpoch = request.headers[SYNC_EPOCH_HEADER];
    if (typeof deviceEpoch === 'string' && deviceEpoch !== epoch) return reply.code(409).send({ error: 'epoch_changed', epoch });

    // The owner organisations a finding may be given to, read once per push and municipality; the
    // default organisations are always there (the store adds them on first use).
    const mutations = checked.flatMap((c) => (c.ok ? [c.m] : []));
    const municipalities = new Set<string>(mutations.flatMap((m) => (m.table === 'findings' ? [String((m.changes as { municipality?: unknown }).municipality ?? '')] : [])));
    const assignable = new Map<string, ReadonlySet<string>>();
    for (const id of await knownMunicipalities(options.store, mutations, municipalities, actor.municipalities)) assignable.set(id, await options.store.owners.assignableIds(id));
    const mailContext = { batch: randomUUID(), now: now(), assignable: (id: string) => assignable.get(id) ?? new Set<string>() };

    // One slot per mutation, in order: decided (with its stored answer) or left for retry.
    const slots: { id: string; table: string; recordId: unknown; result: StoredResult | null }[] = [];
    let failed = false;
    for (const [i, c] of checked.entries()) {
      const raw = raws[i]!;
      if (!c.ok) {
        // R24: decided by its content alone, so it is answered the same every time without being stored.
        slots.push({ id: raw.mutationId, table: String(raw.table), recordId: raw.recordId, result: { status: 'rejected', reason: 'invalid_input', field: c.field } });
        continue;
      }
      const m = c.m;
      if (failed) {
        slots.push({ id: m.mutationId, table: m.table, recordId: m.recordId, result: null }); // R5: after a retry, the rest waits too
        continue;
      }
      try {
        const k = known.get(m.mutationId);
        const { result, contentHash: stored } = k
          ? { result: k.result, contentHash: k.contentHash }
          : await sync.applyMutation(
              {
                mutationId: m.mutationId,
                clientId: m.clientId,
                seq: m.seq,
                actorId: actor.id,
                contentHash: hashes[i]!,
                table: m.table,
                recordId: m.recordId,
                municipality: claimedMunicipality(m),
              },
              scope,
              // The domain decides with the roles the actor holds in the record's municipality (R30).
              (current, revision, roles) => withAssignmentMail(decide(current, m, { id: actor.id, roles: [...roles] }, revision, now(), places, restoredFrom), current, m, mailContext),
            );
        // Decided meanwhile by a concurrent request with other content: R7 all the same.
        if (stored !== hashes[i]) return reply.code(409).send({ error: 'mutation_id_reused', mutationId: m.mutationId });
        slots.push({ id: m.mutationId, table: m.table, recordId: m.recordId, result });
      } catch (err) {
        const cause = tryAgainCause(err) ?? 'unexpected';
        noteTryAgain(request, cause);
        request.log[cause === 'unexpected' ? 'error' : 'warn']({ err, cause, mutationId: m.mutationId }, 'push: mutation left for retry');
        failed = true;
        slots.push({ id: m.mutationId, table: m.table, recordId: m.recordId, result: null });
      }
    }
    // The batch is complete: its assignment mails (one per organisation) may go out.
    await options.store.mail.releaseBatch(mailContext.batch, now()).catch((err: unknown) => request.log.error({ err }, 'push: mail batch not released; it goes out after its hold'));
    // R8: each answer carries the record as it is now, after the whole batch.
    const records = new Map<string, StoredRecord | null>();
    for (const { table, recordId, result } of slots) {
      const key = `${table}/${String(recordId)}`;
      if (result && !records.has(key)) records.set(key, await currentRecord(table, recordId, scope));
    }
    const results: MutationResult[] = slots.map(({ id, table, recordId, result }) =>
      result ? resultWithRecord(id, result, records.get(`${table}/${String(recordId)}`) ?? null) : { mutationId: id, status: 'retry' },
    );
    return { results };
  });

  /** The stored record a refused mutation names, when its table and id are ones we could have stored. */
  async function currentRecord(table: string, recordId: unknown, scope: MunicipalityScope): Promise<StoredRecord | null> {
    if (!(syncTables as readonly string[]).includes(table) || typeof recordId !== 'string') return null;
    if (recordId.length === 0 || recordId.length > 100 || !isStorableText(recordId)) return null;
    return sync.getRecord(table as SyncTable, recordId, scope);
  }

  // A PullResponse, written as text: the stored JSON is passed through, not parsed and printed again.
  app.get('/api/sync/pull', { preHandler: requireRoles(...syncRoles) }, async (request, reply) => {
    const q = pullQuerySchema.parse(request.query);
    const after = Math.max(q.since, q.cursor === undefined ? 0 : Number(q.cursor));
    const page = await sync.pullJson(after, q.limit, request.actor!.municipalities, readableTables, { foldCreated: q.fold === 'created' });
    const nextCursor = page.count >= q.limit ? JSON.stringify(String(page.last)) : 'null';
    // Read after the page: every revision of the page is at most the head (R35).
    const { epoch, head, restoredFrom } = await sync.head();
    // R54: where this epoch began, so a device of the backup's epoch knows what the server lost.
    const from = restoredFrom ? `,"restoredFrom":${JSON.stringify(restoredFrom)}` : '';
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"records":${page.records},"events":${page.events},"revision":${page.last},"nextCursor":${nextCursor},"epoch":${JSON.stringify(epoch)},"head":${head}${from}}`);
  });

  registerPhotoRoutes(app, sync, photos);
}

/** The municipalities of the pushed findings: from new findings' fields, else from the stored record. */
async function knownMunicipalities(store: Pick<Store, 'sync'>, mutations: readonly Mutation[], fromChanges: Set<string>, scope: MunicipalityScope): Promise<Set<string>> {
  const out = new Set([...fromChanges].filter((id) => id !== ''));
  for (const m of mutations) {
    if (m.table !== 'findings' || typeof (m.changes as { municipality?: unknown }).municipality === 'string') continue;
    if (!('owner' in (m.changes as object))) continue;
    const record = await store.sync.getRecord('findings', m.recordId, scope);
    if (typeof record?.data.municipality === 'string') out.add(record.data.municipality);
  }
  return out;
}
