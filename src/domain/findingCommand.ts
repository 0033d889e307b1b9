import { z } from 'zod';
import type { CategoryList } from './categories';
import { findingOwnerSchema, MAX_TEXT, severitySchema, toOneLine, type Finding, type FindingEvent, type FindingEventKind } from './finding';
import type { ReasonCode } from './reasons';

// The commands that change a finding, their answer, and the text checks they share (findingStatus.ts).

// Values that have their own reason code (a due date, a point, a photo hash, a text) are typed
// loosely here, so a pushed command that is well formed but wrong gets that reason and not a bare
// schema error.
const looseText = z.string();
export const loosePoint = z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) });

export const findingCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), owner: findingOwnerSchema, dueDate: looseText }),
  z.object({ kind: z.literal('set_owner'), owner: findingOwnerSchema.nullable() }),
  z.object({ kind: z.literal('set_due_date'), dueDate: looseText.nullable() }),
  z.object({ kind: z.literal('start'), note: looseText.optional() }),
  z.object({ kind: z.literal('fix'), note: looseText.optional(), photoHash: looseText.optional() }),
  z.object({ kind: z.literal('verify'), note: looseText.optional() }),
  z.object({ kind: z.literal('wont_fix'), reason: looseText }),
  z.object({ kind: z.literal('mark_duplicate'), targetId: looseText }),
  z.object({ kind: z.literal('reopen'), note: looseText.optional() }),
  z.object({ kind: z.literal('comment'), text: looseText }),
  // The caller derives areaId from the point (it has the polygons; this module does not), so a
  // moved finding never keeps the area it left.
  z.object({ kind: z.literal('move'), point: loosePoint, areaId: looseText.nullable() }),
  z.object({ kind: z.literal('change_category'), categoryCode: looseText }),
  z.object({ kind: z.literal('change_description'), description: looseText }),
  z.object({ kind: z.literal('change_severity'), severity: severitySchema }),
  z.object({ kind: z.literal('add_photo'), photoHash: looseText }),
  z.object({ kind: z.literal('remove'), note: looseText.optional() }),
]);
export type FindingCommand = z.infer<typeof findingCommandSchema>;
export type FindingCommandKind = FindingCommand['kind'];

export type Refusal = { ok: false; reason: ReasonCode; field?: string };
export type FindingCommandResult = { ok: true; finding: Finding; events: FindingEvent[] } | Refusal;

export interface FindingOptions {
  /** The municipality's category list; the defaults when omitted. */
  categories?: CategoryList;
  /** Makes event ids; UUIDv7 by default. Injected so tests and replays are deterministic. */
  newId?: () => string;
}

export const refuse = (reason: ReasonCode, field?: string): Refusal =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field };

export type Text = { ok: true; value: string } | Refusal;
export function oneLine(raw: string | undefined, field: string): Text {
  const value = toOneLine(raw ?? '');
  return value.length > MAX_TEXT ? refuse('text_too_long', field) : { ok: true, value };
}

/** A note that may be left out: empty text means no note. */
export function optionalNote(raw: string | undefined, field = 'note'): { ok: true; value: string | null } | Refusal {
  const text = oneLine(raw, field);
  if (!text.ok) return text;
  return { ok: true, value: text.value === '' ? null : text.value };
}

/** One changed aspect of a finding, before it becomes an event. */
export interface Draft {
  kind: FindingEventKind;
  before: FindingEvent['before'];
  after: FindingEvent['after'];
  note?: string | null;
}
