/**
 * The sync wire format, shared by the client engine and the server (SPEC.md). The same zod schemas
 * check a push on the server (R19: 400 with the path) and the server's answers on the client, so a
 * change here changes both sides at once.
 */
import { z } from 'zod';
import { findingEventSchema, findingFieldsSchema, sha256HexSchema } from '../domain/finding';
import { inspectionSchema } from '../domain/inspection';
import { shopSchema } from '../domain/shop';
import { worryFieldsSchema } from '../domain/worry';

export const syncTables = ['findings', 'inspections', 'shops', 'areas', 'certifications', 'worries'] as const;
export type SyncTable = (typeof syncTables)[number];

export const MAX_BATCH = 100;
/** R54: the epoch a device's revisions count in, sent with every push (lower case: a Node header name). */
export const SYNC_EPOCH_HEADER = 'x-sync-epoch';
export const MAX_PULL_LIMIT = 5000;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

// A free-form record (certifications) is JSON with a bounded size, checked after parsing.
const MAX_LOOSE_JSON = 256 * 1024;
const looseRecord = z
  .record(z.string().max(100), z.json())
  .refine((v) => JSON.stringify(v).length <= MAX_LOOSE_JSON, `at most ${MAX_LOOSE_JSON} characters`);

const base = {
  mutationId: z.uuid(),
  clientId: z.uuid(),
  seq: z.number().int().positive(),
  recordId: z.string().min(1).max(100),
  baseRevision: z.number().int().nonnegative().nullable(),
  /** R55: a record offered again after a restore, naming the epoch the device knew it in. */
  recovers: z.string().min(1).max(100).optional(),
};
const noEvents = z.array(z.never()).max(0);

// Strict everywhere a person's data goes in: an unknown field is a client bug or an attack (R19).
export const mutationSchema = z.discriminatedUnion('table', [
  z.strictObject({
    ...base,
    table: z.literal('findings'),
    changes: findingFieldsSchema.partial().strict(),
    events: z.array(findingEventSchema.strict()).max(50),
  }),
  z.strictObject({ ...base, table: z.literal('inspections'), changes: inspectionSchema.partial().strict(), events: noEvents }),
  z.strictObject({ ...base, table: z.literal('shops'), changes: shopSchema.partial(), events: noEvents }),
  z.strictObject({ ...base, table: z.literal('certifications'), changes: looseRecord, events: noEvents }),
  z.strictObject({ ...base, table: z.literal('areas'), changes: looseRecord, events: noEvents }),
  // R48: devices only check a worry (confirm or dismiss); the server makes them (R47).
  z.strictObject({ ...base, table: z.literal('worries'), changes: worryFieldsSchema.partial().strict(), events: noEvents }),
]);
export type Mutation = z.infer<typeof mutationSchema>;

/** R3: a batch is in outbox order. */
function inOutboxOrder(list: readonly { clientId: string; seq: number }[], ctx: z.RefinementCtx): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.clientId === list[i - 1]!.clientId && list[i]!.seq <= list[i - 1]!.seq) {
      ctx.addIssue({ code: 'custom', path: [i, 'seq'], message: 'seq must increase within a batch' });
    }
  }
}

export const pushRequestSchema = z.strictObject({
  mutations: z.array(mutationSchema).min(1).max(MAX_BATCH).superRefine(inOutboxOrder),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What a push must get right as a whole (R19): the batch and each mutation's identity and order.
 * Everything else of a mutation is checked per mutation (R24), so one bad entry is answered
 * `rejected` on its own and the rest of the batch goes on.
 */
export const pushEnvelopeSchema = z.strictObject({
  mutations: z
    .array(z.looseObject({ mutationId: base.mutationId, clientId: base.clientId, seq: base.seq }))
    .min(1)
    .max(MAX_BATCH)
    .superRefine(inOutboxOrder),
});

/** A field value that lost to a later arrival (R13). */
export const conflictSchema = z.object({
  field: z.string(),
  /** The value that was replaced. */
  lost: z.json(),
  /** The value that won. */
  won: z.json(),
  lostBy: z.string().nullable(),
  wonBy: z.string(),
  at: z.string(),
  revision: z.number().int(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** The server's current version of a record, as pull and push answers carry it. */
export const recordVersionSchema = z.object({
  table: z.enum(syncTables),
  id: z.string(),
  revision: z.number().int(),
  data: z.record(z.string(), z.json()),
  conflicts: z.array(conflictSchema),
});
export type RecordVersion = z.infer<typeof recordVersionSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.string(), status: z.literal('accepted'), revision: z.number().int(), record: recordVersionSchema.nullable() }),
  z.object({
    mutationId: z.string(),
    status: z.literal('rejected'),
    reason: z.string(),
    field: z.string().optional(),
    record: recordVersionSchema.nullable(),
  }),
  z.object({ mutationId: z.string(), status: z.literal('retry') }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const eventVersionSchema = z.object({
  table: z.literal('findings'),
  revision: z.number().int(),
  event: findingEventSchema,
});
export type EventVersion = z.infer<typeof eventVersionSchema>;

export const pullResponseSchema = z.object({
  records: z.array(recordVersionSchema),
  events: z.array(eventVersionSchema),
  /** Highest revision in this page (or `since` when empty); store it after the last page. */
  revision: z.number().int(),
  /** Set when more rows may follow: ask again with `cursor`. */
  nextCursor: z.string().nullable(),
  /** The database's epoch: a new one after a restore (R35). Absent from servers before it existed. */
  epoch: z.string().max(100).optional(),
  /** The server's head revision: a device whose stored revision is higher pulls everything again (R35). */
  head: z.number().int().optional(),
  /** R54: the epoch and head revision of the backup this epoch was restored from; absent if never restored. */
  restoredFrom: z.object({ epoch: z.string().max(100), head: z.number().int().nonnegative() }).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const pullQuerySchema = z.strictObject({
  since: z.coerce.number().int().nonnegative().default(0),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'cursor must come from nextCursor')
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(2000),
  /** R39: `created` leaves out the findings' creation events; the device derives them from the finding. */
  fold: z.literal('created').optional(),
});

export const photoHashSchema = sha256HexSchema;

/**
 * The sizes a photo is served in (R18a): made once at upload, long side in pixels; `original` is the
 * stripped upload itself. The client asks for the smallest that fits the screen.
 */
export const photoSizes = ['thumb', 'view', 'original'] as const;
export type PhotoSize = (typeof photoSizes)[number];
export const photoSizeSchema = z.enum(photoSizes);
export const PHOTO_LONG_SIDE: Record<Exclude<PhotoSize, 'original'>, number> = { thumb: 320, view: 1600 };
/** Larger photos are refused before they are decoded (R18). */
export const MAX_PHOTO_MEGAPIXELS = 50;
