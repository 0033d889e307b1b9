import { z } from 'zod';
import { participationFigure, type ParticipationFigure } from '../participation';
import { shopFlagKeySchema, type ShopFlagKey } from '../shop';

/**
 * Per-area certification (DOMAIN.md; seed 000, "Certificering per gebied").
 *
 * Ten questions, each worth at most 10 points: maximum 100, grade = points ÷ 10 with one decimal,
 * certified from 6.0. The scoring table is DATA (versioned), so the coordinator can correct a reading
 * without a release; every score says which table version made it.
 *
 * Arithmetic is done in integer tenths of a point, so 86% is exactly 86 tenths = 8.6 points and no
 * float sum like 0.1 + 0.2 can tip a grade. Rounding is half up and happens once, at the end:
 * - a percentage question scores the whole percent that is shown ("17 van 20, 85%" → 8.5 points);
 * - the grade is the exact total ÷ 10, rounded half up to one decimal; certified is decided on that
 *   shown grade (a total of 59.5 points is grade 6.0, certified: what is shown is what decides).
 */

// ---------------------------------------------------------------------------------------------
// Shared helpers for the scoring tables (also used by programmeChecklist.ts).

/** round(n / d) half up, for integers n >= 0 and d > 0. */
export function roundHalfUpDiv(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

const isTenthMultiple = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;

/** A number of points in the data: 0 or more, at most one decimal (kept as tenths in the code). */
export const pointsSchema = z.number().min(0).max(1000).refine(isTenthMultiple, 'points have at most one decimal');

/** Points in the data → integer tenths. */
export function toTenths(points: number): number {
  return Math.round(points * 10);
}

/** True for whole counts 0 <= part <= whole. */
export function isValidFraction(part: number, whole: number): boolean {
  return Number.isSafeInteger(part) && Number.isSafeInteger(whole) && part >= 0 && whole >= 0 && part <= whole;
}

/** Integer tenths → points as a number with one decimal (e.g. 86 → 8.6). */
export function fromTenths(tenths: number): number {
  return tenths / 10;
}

export const localTextSchema = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof localTextSchema>;

/** A reading of a gap or an oddity in the source, shown next to the score. */
export const readingSchema = z.strictObject({
  id: z.string().min(1),
  questions: z.array(z.string().min(1)).min(1),
  nl: z.string().min(1),
  en: z.string().min(1),
});
export type Reading = z.infer<typeof readingSchema>;

export const questionIdSchema = z.string().regex(/^q[0-9]+$/, 'question id is q followed by its number');

// ---------------------------------------------------------------------------------------------
// The table.

const areaYesNoQuestionSchema = z.strictObject({
  id: questionIdSchema,
  kind: z.literal('yes_no'),
  text: localTextSchema,
  points: z.strictObject({ yes: pointsSchema, no: pointsSchema }),
});

const areaPercentQuestionSchema = z.strictObject({
  id: questionIdSchema,
  kind: z.literal('percent'),
  text: localTextSchema,
  /** The shop register flag the percentage is computed from (never typed). */
  measure: shopFlagKeySchema,
  /** Points at 100%; the score is percent × maxPoints ÷ 100. */
  maxPoints: pointsSchema,
});

export const areaQuestionSchema = z.discriminatedUnion('kind', [areaYesNoQuestionSchema, areaPercentQuestionSchema]);
export type AreaQuestion = z.infer<typeof areaQuestionSchema>;

export const areaScoringTableSchema = z
  .strictObject({
    version: z.string().min(1),
    /** Certified from this grade (0-10, one decimal). */
    passGrade: pointsSchema.refine((g) => g <= 10, 'a grade is at most 10'),
    questions: z.array(areaQuestionSchema).min(1),
    readings: z.array(readingSchema),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    for (const q of t.questions) {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id ${q.id}` });
      ids.add(q.id);
    }
    if (t.questions.every((q) => areaQuestionMaxTenths(q) === 0)) {
      ctx.addIssue({ code: 'custom', message: 'the table has no points to earn' });
    }
  });
export type AreaScoringTable = z.infer<typeof areaScoringTableSchema>;

function areaQuestionMaxTenths(q: AreaQuestion): number {
  return q.kind === 'yes_no' ? Math.max(toTenths(q.points.yes), toTenths(q.points.no)) : toTenths(q.maxPoints);
}

const yesNo = (id: string, nl: string, en: string): AreaQuestion => ({
  id,
  kind: 'yes_no',
  text: { nl, en },
  points: { yes: 10, no: 0 },
});
const percent = (id: string, measure: ShopFlagKey, nl: string, en: string): AreaQuestion => ({
  id,
  kind: 'percent',
  text: { nl, en },
  measure,
  maxPoints: 10,
});

/** The default table: seed 000, "Certificering per gebied", with the product's reading of "86% = 86 punten". */
export const AREA_CERTIFICATION_TABLE: AreaScoringTable = {
  version: 'kvo-w-deventer/area/2021.1',
  passGrade: 6,
  questions: [
    yesNo('q1', 'Is er een samenwerkingsverband?', 'Is there a partnership?'),
    percent(
      'q2',
      'partnershipMember',
      'Hoeveel % van de winkels is deelnemer of lid?',
      'What % of the shops is a participant or member?',
    ),
    yesNo('q3', 'Is er een vast aanspreekpunt namens de winkeliers?', 'Is there a fixed contact point for the shops?'),
    percent(
      'q4',
      'whatsappGroup',
      'Hoeveel % van de winkels neemt deel aan een WhatsApp groep of soortgelijk?',
      'What % of the shops takes part in a WhatsApp group or similar?',
    ),
    percent(
      'q5',
      'collectiveBan',
      'Hoeveel % van de winkels is deelnemer aan het Collectief Winkelverbod?',
      'What % of the shops takes part in the collective shop ban?',
    ),
    percent(
      'q6',
      'nuisanceFee',
      'Hoeveel % van de winkels is deelnemer aan het project Overlastdonatie of soortgelijk?',
      'What % of the shops takes part in the nuisance fee scheme or similar?',
    ),
    percent(
      'q7',
      'surveyAnswered',
      'Hoeveel % van de winkels heeft de online enquête ingevuld?',
      'What % of the shops answered the online survey?',
    ),
    percent(
      'q8',
      'newsletter',
      'Hoeveel % van de winkels ontvangt de KVO-nieuwsbrieven?',
      'What % of the shops receives the KVO newsletters?',
    ),
    percent('q9', 'kvoApp', 'Hoeveel % van de winkels is gebruiker van de KVO-app?', 'What % of the shops uses the KVO app?'),
    yesNo('q10', 'Zijn er collectieve huisregels in de straat/het gebied?', 'Are there collective house rules in the street/area?'),
  ],
  readings: [
    {
      id: 'percent_as_tenths',
      questions: ['q2', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'],
      nl: 'De puntentabel zegt "86% = 86 punten". Gelezen als 86% = 8,6 punten: elke vraag telt tot 10 punten, het maximum is 100 en het cijfer is punten ÷ 10.',
      en: 'The scoring table says "86% = 86 points". Read as 86% = 8.6 points: every question counts up to 10 points, the maximum is 100 and the grade is points ÷ 10.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Scoring.

export type AreaAnswers = Record<string, boolean | null | undefined>;
/** The area's participation per measure, e.g. `report.areas[id].measures`. Percentages are recomputed. */
export type AreaParticipationInput = Partial<Record<ShopFlagKey, Pick<ParticipationFigure, 'taking' | 'open'>>>;

export type AreaQuestionWarning = 'unanswered' | 'no_open_shops' | 'not_computed';

export interface AreaQuestionScore {
  id: string;
  kind: AreaQuestion['kind'];
  /** Points with one decimal (pointsTenths ÷ 10). */
  points: number;
  pointsTenths: number;
  maxPoints: number;
  answer?: boolean | null;
  /** For percentage questions: the figure the points were computed from (frozen with the score). */
  figure?: ParticipationFigure;
  measure?: ShopFlagKey;
  warning?: AreaQuestionWarning;
}

export interface AreaScore {
  ok: true;
  tableVersion: string;
  questions: AreaQuestionScore[];
  total: number;
  totalTenths: number;
  maxTotal: number;
  /** 0-10, one decimal. */
  grade: number;
  certified: boolean;
  passGrade: number;
  warnings: { question: string; warning: AreaQuestionWarning }[];
  /** The readings to show next to the score, e.g. "86% = 8,6 punten". */
  notes: Reading[];
}

export type ScoringRefusal = {
  ok: false;
  reason: 'invalid_table' | 'invalid_answer' | 'invalid_participation';
  question?: string;
  message: string;
};

export function scoreArea(
  table: AreaScoringTable,
  answers: AreaAnswers,
  participation: AreaParticipationInput,
): AreaScore | ScoringRefusal {
  const parsed = areaScoringTableSchema.safeParse(table);
  if (!parsed.success) return { ok: false, reason: 'invalid_table', message: z.prettifyError(parsed.error) };
  const t = parsed.data;

  const questions: AreaQuestionScore[] = [];
  let totalTenths = 0;
  let maxTenths = 0;
  for (const q of t.questions) {
    const max = areaQuestionMaxTenths(q);
    maxTenths += max;
    let score: AreaQuestionScore;
    if (q.kind === 'yes_no') {
      const answer = answers[q.id];
      if (answer !== undefined && answer !== null && typeof answer !== 'boolean') {
        return { ok: false, reason: 'invalid_answer', question: q.id, message: `${q.id}: answer must be yes, no or empty` };
      }
      if (answer === undefined || answer === null) {
        score = { id: q.id, kind: q.kind, pointsTenths: 0, points: 0, maxPoints: fromTenths(max), answer: null, warning: 'unanswered' };
      } else {
        const tenths = toTenths(answer ? q.points.yes : q.points.no);
        score = { id: q.id, kind: q.kind, pointsTenths: tenths, points: fromTenths(tenths), maxPoints: fromTenths(max), answer };
      }
    } else {
      const input = participation[q.measure];
      const base = { id: q.id, kind: q.kind, measure: q.measure, maxPoints: fromTenths(max) };
      if (!input) {
        score = { ...base, pointsTenths: 0, points: 0, warning: 'not_computed' };
      } else if (!isValidFraction(input.taking, input.open)) {
        return {
          ok: false,
          reason: 'invalid_participation',
          question: q.id,
          message: `${q.id}: ${input.taking} of ${input.open} is not a count of shops`,
        };
      } else {
        const figure = participationFigure(input.taking, input.open);
        if (figure.percent === null) {
          score = { ...base, pointsTenths: 0, points: 0, figure, warning: 'no_open_shops' };
        } else {
          const tenths = roundHalfUpDiv(figure.percent * max, 100);
          score = { ...base, pointsTenths: tenths, points: fromTenths(tenths), figure };
        }
      }
    }
    totalTenths += score.pointsTenths;
    questions.push(score);
  }

  // grade = total ÷ max × 10, in tenths of a grade: totalTenths × 100 ÷ maxTenths.
  const gradeTenths = roundHalfUpDiv(totalTenths * 100, maxTenths);
  const passTenths = toTenths(t.passGrade);
  return {
    ok: true,
    tableVersion: t.version,
    questions,
    totalTenths,
    total: fromTenths(totalTenths),
    maxTotal: fromTenths(maxTenths),
    grade: fromTenths(gradeTenths),
    certified: gradeTenths >= passTenths,
    passGrade: t.passGrade,
    warnings: questions.flatMap((q) => (q.warning ? [{ question: q.id, warning: q.warning }] : [])),
    notes: t.readings,
  };
}
