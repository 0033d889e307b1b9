import { z } from 'zod';
import { shopFlagKeySchema } from '../../shop';
import { localTextSchema, pointsSchema, questionIdSchema, readingSchema, toTenths } from '../areaCertification';

// The programme checklist's scoring table as data: the respondents, the question kinds, and the
// checks a table must pass before anything is scored with it.

export const respondentKeys = ['municipality', 'police', 'fireBrigade', 'shops'] as const;
export const respondentKeySchema = z.enum(respondentKeys);
export type RespondentKey = z.infer<typeof respondentKeySchema>;

/** Where a computed question's value comes from (besides the percentage questions' measures). */
export const computedFeeds = ['areasWalked', 'shopsChecked'] as const;
export const computedFeedSchema = z.enum(computedFeeds);
export type ComputedFeed = z.infer<typeof computedFeedSchema>;

const common = { id: questionIdSchema, text: localTextSchema };
const countSource = {
  source: z.enum(['respondent', 'computed']),
  /** Required when source is 'computed'. */
  feed: computedFeedSchema.optional(),
};

const yesNoQ = z.strictObject({
  ...common,
  kind: z.literal('yes_no'),
  source: z.literal('respondent'),
  points: z.strictObject({ yes: pointsSchema, no: pointsSchema }),
});
/** yes / no / partly: partly scores percent × partlyMaxPoints ÷ 100. */
const yesNoPartlyQ = z.strictObject({
  ...common,
  kind: z.literal('yes_no_partly'),
  source: z.literal('respondent'),
  points: z.strictObject({ yes: pointsSchema, no: pointsSchema }),
  partlyMaxPoints: pointsSchema,
});
/** A 0-100 rating per party; scores mean × maxPoints ÷ 100. */
const engagementQ = z.strictObject({
  ...common,
  kind: z.literal('engagement'),
  source: z.literal('respondent'),
  parties: z.array(respondentKeySchema).min(1),
  maxPoints: pointsSchema,
});
/** Whole tens × pointsPerTen, at most maxPoints (47 → 4 tens). */
const countPerTenQ = z.strictObject({
  ...common,
  ...countSource,
  kind: z.literal('count_per_ten'),
  pointsPerTen: pointsSchema,
  maxPoints: pointsSchema,
});
/** Bands by count: the band with the highest `from` not above the count. */
const countBandsQ = z.strictObject({
  ...common,
  ...countSource,
  kind: z.literal('count_bands'),
  bands: z.array(z.strictObject({ from: z.number().int().min(0), points: pointsSchema })).min(1),
});
/** pointsPerItem each time, at most maxPoints. */
const countLinearQ = z.strictObject({
  ...common,
  ...countSource,
  kind: z.literal('count_linear'),
  pointsPerItem: pointsSchema,
  maxPoints: pointsSchema,
});
/** Municipality-wide percentage of a measure from the shop register: percent × maxPoints ÷ 100. */
const percentQ = z.strictObject({
  ...common,
  kind: z.literal('percent'),
  source: z.literal('computed'),
  measure: shopFlagKeySchema,
  maxPoints: pointsSchema,
});
/** A computed share (count of total, e.g. areas walked this year): share × maxPoints. */
const shareQ = z.strictObject({
  ...common,
  kind: z.literal('share'),
  source: z.literal('computed'),
  feed: computedFeedSchema,
  maxPoints: pointsSchema,
});

export const programmeQuestionSchema = z.discriminatedUnion('kind', [
  yesNoQ,
  yesNoPartlyQ,
  engagementQ,
  countPerTenQ,
  countBandsQ,
  countLinearQ,
  percentQ,
  shareQ,
]);
export type ProgrammeQuestion = z.infer<typeof programmeQuestionSchema>;

export function programmeQuestionMaxTenths(q: ProgrammeQuestion): number {
  switch (q.kind) {
    case 'yes_no':
      return Math.max(toTenths(q.points.yes), toTenths(q.points.no));
    case 'yes_no_partly':
      return Math.max(toTenths(q.points.yes), toTenths(q.points.no), toTenths(q.partlyMaxPoints));
    case 'count_bands':
      return Math.max(...q.bands.map((b) => toTenths(b.points)));
    default:
      return toTenths(q.maxPoints);
  }
}

export const programmeScoringTableSchema = z
  .strictObject({
    version: z.string().min(1),
    passGrade: pointsSchema.refine((g) => g <= 10, 'a grade is at most 10'),
    questions: z.array(programmeQuestionSchema).min(1),
    readings: z.array(readingSchema.extend({ questions: z.array(z.string().min(1)) })),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    for (const q of t.questions) {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id ${q.id}` });
      ids.add(q.id);
      if (q.kind === 'count_bands') {
        if (q.bands[0]?.from !== 0) ctx.addIssue({ code: 'custom', message: `${q.id}: the first band starts at 0` });
        for (let i = 1; i < q.bands.length; i++) {
          if (q.bands[i]!.from <= q.bands[i - 1]!.from) {
            ctx.addIssue({ code: 'custom', message: `${q.id}: bands must go up` });
          }
        }
      }
      if ('feed' in q && q.source === 'computed' && !q.feed) {
        ctx.addIssue({ code: 'custom', message: `${q.id}: a computed question names its feed` });
      }
    }
    if (t.questions.every((q) => programmeQuestionMaxTenths(q) === 0)) {
      ctx.addIssue({ code: 'custom', message: 'the table has no points to earn' });
    }
  });
export type ProgrammeScoringTable = z.infer<typeof programmeScoringTableSchema>;
