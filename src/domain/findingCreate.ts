import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { defaultCategories, findCategory } from './categories';
import { findingFieldsSchema, findingSchema, sha256HexSchema, type Finding, type FindingEvent } from './finding';
import { oneLine, refuse, type FindingOptions, type loosePoint, type Refusal } from './findingCommand';
import { mayCreateFinding, type Actor } from './findingRoles';
import { pointSchema } from './geojson';

// A new finding and its `created` event.

export const createFindingInputSchema = findingFieldsSchema.pick({
  id: true,
  municipality: true,
  areaId: true,
  inspectionId: true,
  point: true,
  categoryCode: true,
  description: true,
  severity: true,
  photoHashes: true,
});
// Point and photos are typed loosely like the commands' values: they have their own reason codes.
export type CreateFindingInput = Omit<z.input<typeof createFindingInputSchema>, 'point' | 'photoHashes'> & {
  point: z.infer<typeof loosePoint>;
  photoHashes?: string[];
};

export type CreateFindingResult = { ok: true; finding: Finding; events: FindingEvent[] } | Refusal;

/**
 * Makes a new open finding and its `created` event. The event carries no values: the record's first
 * state is in the finding, and every later change records what it replaced. Photos taken while
 * capturing are part of the creation, so they get no photo_added events.
 */
export function createFinding(
  input: CreateFindingInput,
  actor: Actor,
  now: Date,
  options: FindingOptions = {},
): CreateFindingResult {
  if (!mayCreateFinding(actor)) return refuse('not_allowed_for_role');
  if (!pointSchema.safeParse(input.point).success) return refuse('invalid_point', 'point');
  if (!findCategory(input.categoryCode, options.categories ?? defaultCategories)) {
    return refuse('unknown_category', 'categoryCode');
  }
  const description = oneLine(input.description, 'description');
  if (!description.ok) return description;
  const photoHashes = [...new Set(input.photoHashes ?? [])];
  if (!photoHashes.every((h) => sha256HexSchema.safeParse(h).success)) return refuse('invalid_photo', 'photoHashes');

  const at = now.toISOString();
  const parsed = findingSchema.safeParse({
    ...input,
    description: description.value,
    photoHashes,
    owner: null,
    dueDate: null,
    status: 'open',
    fixNote: null,
    wontFixReason: null,
    duplicateOf: null,
    createdAt: at,
    createdBy: actor.id,
    updatedAt: at,
    removed: false,
  });
  if (!parsed.success) return refuse('invalid_input', parsed.error.issues[0]?.path.join('.') || undefined);
  const finding = parsed.data;
  const newId = options.newId ?? uuidv7;
  return {
    ok: true,
    finding,
    events: [
      { id: newId(), findingId: finding.id, at, by: actor.id, kind: 'created', before: null, after: null, note: null },
    ],
  };
}
