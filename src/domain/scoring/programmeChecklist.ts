import { z } from 'zod';
import { wholePercent } from '../participation';
import { shopFlagKeySchema, type Shop, type ShopFlagKey } from '../shop';
import {
  fromTenths,
  isValidFraction,
  localTextSchema,
  pointsSchema,
  questionIdSchema,
  readingSchema,
  roundHalfUpDiv,
  toTenths,
  type Reading,
} from './areaCertification';

/**
 * The yearly programme checklist (DOMAIN.md; seed 000, Bijlage 1).
 *
 * Twenty questions, each at most 10 points: 200 in all; grade = points ÷ 20 with one decimal, pass
 * from 6.0. Four respondents (municipality, police, fire brigade, shops) each fill the list; the merged
 * list takes per question the mean of the respondents' points.
 *
 * - A missing respondent (not given) is LEFT OUT of the mean: with three lists the mean is over three,
 *   and the result names the missing one(s). A respondent who is present but leaves a question empty
 *   scores 0 on it, with the warning 'unanswered' (as in the per-area certification).
 * - Computed questions (6, 13, 14, 17, 19 in the default table) come from the `computed` input (the
 *   shop register and the inspections), never from a respondent; an answer given for one is ignored
 *   with the warning 'answer_ignored'. They are the same for every respondent, so they are not averaged.
 * - Arithmetic is in integer tenths of a point. Each respondent's answer is scored to tenths (e.g.
 *   engagement mean 77.5 → 7.8); the merged total and the grade are computed exactly from those and
 *   rounded half up once. Per-question means are rounded to one decimal for display only.
 * - The scoring table is DATA with a version; the readings of gaps in the source (q9, q12, q15,
 *   q10-11, ...) are part of it and come back as notes to show next to the score.
 */

export const respondentKeys = ['municipality', 'police', 'fireBrigade', 'shops'] as const;
export const respondentKeySchema = z.enum(respondentKeys);
export type RespondentKey = z.infer<typeof respondentKeySchema>;

/** Where a computed question's value comes from (besides the percentage questions' measures). */
export const computedFeeds = ['areasWalked', 'shopsChecked'] as const;
export const computedFeedSchema = z.enum(computedFeeds);
export type ComputedFeed = z.infer<typeof computedFeedSchema>;

// ---------------------------------------------------------------------------------------------
// The table.

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

const t = (nl: string, en: string) => ({ nl, en });
const yesNo = (id: string, nl: string, en: string): ProgrammeQuestion => ({
  id,
  kind: 'yes_no',
  source: 'respondent',
  text: t(nl, en),
  points: { yes: 10, no: 0 },
});
const yesNoPartly = (id: string, nl: string, en: string): ProgrammeQuestion => ({
  id,
  kind: 'yes_no_partly',
  source: 'respondent',
  text: t(nl, en),
  points: { yes: 10, no: 0 },
  partlyMaxPoints: 10,
});
const computedPercent = (id: string, measure: ShopFlagKey, nl: string, en: string): ProgrammeQuestion => ({
  id,
  kind: 'percent',
  source: 'computed',
  measure,
  maxPoints: 10,
  text: t(nl, en),
});

/** The default table: seed 000, Bijlage 1, with the readings of DOMAIN.md. */
export const PROGRAMME_CHECKLIST_TABLE: ProgrammeScoringTable = {
  version: 'kvo-w-deventer/programme/2021.1',
  passGrade: 6,
  questions: [
    {
      id: 'q1',
      kind: 'engagement',
      source: 'respondent',
      parties: ['municipality', 'police', 'fireBrigade', 'shops'],
      maxPoints: 10,
      text: t(
        'Beoordeel de betrokkenheid van de deelnemers met een score van 0-100 (gemeente, politie, brandweer, ondernemers)',
        'Rate the engagement of the participants 0-100 (municipality, police, fire brigade, shops)',
      ),
    },
    yesNo('q2', 'Is het 2-jaarlijks overleg tussen de betrokken instanties gevoerd?', 'Was the twice-yearly meeting of the agencies held?'),
    yesNo('q3', 'Is het jaarlijkse overleg met winkeliers gevoerd?', 'Was the yearly meeting with the shops held?'),
    yesNo('q4', 'Is de themabijeenkomst georganiseerd?', 'Was the theme evening organised?'),
    {
      id: 'q5',
      kind: 'count_per_ten',
      source: 'respondent',
      pointsPerTen: 2,
      maxPoints: 10,
      text: t('Hoeveel deelnemers waren daarbij?', 'How many attended?'),
    },
    {
      id: 'q6',
      kind: 'share',
      source: 'computed',
      feed: 'areasWalked',
      maxPoints: 10,
      text: t('Is de gebiedsschouw uitgevoerd?', 'Was the area inspection (schouw) done?'),
    },
    yesNoPartly(
      'q7',
      'Zijn de winkelbezoeken door de veiligheidscoach en politie 2 keer per jaar uitgevoerd?',
      'Were the shop visits by safety coach and police done twice this year?',
    ),
    yesNoPartly(
      'q8',
      'Is de politie aangesloten in de WhatsApp groepen van zijn wijk?',
      'Are the police in the WhatsApp groups of their district?',
    ),
    {
      id: 'q9',
      kind: 'count_bands',
      source: 'respondent',
      bands: [
        { from: 0, points: 0 },
        { from: 20, points: 5 },
        { from: 41, points: 10 },
      ],
      text: t(
        'Hoeveel deelnemende winkels zijn er voor de online cursus (1 van de modules) geweest?',
        'How many participating shops took the online course (one module)?',
      ),
    },
    {
      id: 'q10',
      kind: 'count_linear',
      source: 'respondent',
      pointsPerItem: 0.1,
      maxPoints: 10,
      text: t('Is de fysieke cursus criminaliteitspreventie gehouden? (aantal)', 'Physical crime-prevention courses held (count)'),
    },
    {
      id: 'q11',
      kind: 'count_linear',
      source: 'respondent',
      pointsPerItem: 0.1,
      maxPoints: 10,
      text: t('Zijn er e-mail nieuwsbrieven verstuurd? (aantal)', 'E-mail newsletters sent (count)'),
    },
    yesNo('q12', 'Werd de website ten minste 10x per jaar geactualiseerd?', 'Was the website updated at least 10 times this year?'),
    computedPercent(
      'q13',
      'collectiveBan',
      'Hoeveel % van alle winkels is deelnemer aan het collectief winkelverbod?',
      'What % of all shops is in the collective shop ban?',
    ),
    computedPercent(
      'q14',
      'nuisanceFee',
      'Hoeveel % van alle winkels is deelnemer aan de Overlastdonatie of soortgelijk?',
      'What % of all shops is in the nuisance fee scheme or similar?',
    ),
    yesNo('q15', 'Wordt de KVO-App maximaal 1x per 3 weken bijgewerkt?', 'Is the KVO app updated at least once every 3 weeks?'),
    yesNo('q16', 'Zijn de (online) enquêtes naar de winkels gestuurd?', 'Were the (online) surveys sent to the shops?'),
    computedPercent('q17', 'surveyAnswered', 'Door hoeveel % werd deze ingevuld?', 'What % answered it?'),
    yesNo(
      'q18',
      'Werden de uitkomsten van deze enquêtes besproken in het centrale overleg?',
      'Were the survey results discussed in the central meeting?',
    ),
    {
      id: 'q19',
      kind: 'count_bands',
      source: 'computed',
      feed: 'shopsChecked',
      bands: [
        { from: 0, points: 0 },
        { from: 10, points: 5 },
        { from: 26, points: 10 },
      ],
      text: t('Bij hoeveel winkels is de winkelcheck uitgevoerd?', 'How many shops had a shop check?'),
    },
    yesNo('q20', 'Zijn er nieuwe doelstellingen voor het nieuwe jaar geformuleerd?', 'Were new goals set for the new year?'),
  ],
  readings: [
    {
      id: 'q9_20_29',
      questions: ['q9'],
      nl: 'Vraag 9: de puntentabel geeft "< 20 = 0 punten, 30 – 40 = 5 punten, > 40 = 10 punten" en laat 20-29 open. Gelezen als 20-40 = 5 punten.',
      en: 'Question 9: the scoring table gives "< 20 = 0 points, 30 – 40 = 5 points, > 40 = 10 points" and leaves 20-29 open. Read as 20-40 = 5 points.',
    },
    {
      id: 'q12_no_points',
      questions: ['q12'],
      nl: 'Vraag 12: de puntentabel noemt geen antwoord en geen punten. Gelezen als nee/ja = 0/10 punten.',
      en: 'Question 12: the scoring table gives no answer type and no points. Read as no/yes = 0/10 points.',
    },
    {
      id: 'q15_yes_no',
      questions: ['q15'],
      nl: 'Vraag 15: een nee/ja-vraag met als puntenvoorbeeld "86% = 86 punten". Gelezen als nee/ja = 0/10 punten.',
      en: 'Question 15: a no/yes question with the points example "86% = 86 points". Read as no/yes = 0/10 points.',
    },
    {
      id: 'q10_q11_literal',
      questions: ['q10', 'q11'],
      nl: 'Vragen 10 en 11 letterlijk genomen: 0,1 punt per keer, maximaal 10 punten (dus pas na 100 keer).',
      en: 'Questions 10 and 11 taken literally: 0.1 point each time, at most 10 points (so only after 100 times).',
    },
    {
      id: 'q5_whole_tens',
      questions: ['q5'],
      nl: 'Vraag 5 ("tiental × 2"): hele tientallen × 2, maximaal 10 punten; 47 deelnemers = 4 × 2 = 8 punten.',
      en: 'Question 5 ("tens × 2"): whole tens × 2, at most 10 points; 47 attendees = 4 × 2 = 8 points.',
    },
    {
      id: 'partly_share',
      questions: ['q6', 'q7', 'q8'],
      nl: 'Vragen 6-8, "bij ten dele: percentage van het totaal": gelezen als het gedeelte × 10 punten (60% = 6 punten); bij vraag 6 berekend uit de schouwen van dit jaar.',
      en: 'Questions 6-8, "if partly: percentage of the total": read as the share × 10 points (60% = 6 points); for question 6 computed from this year\'s inspections.',
    },
    {
      id: 'percent_as_tenths',
      questions: ['q13', 'q14', 'q17'],
      nl: 'De puntentabel zegt "86% = 86 punten". Gelezen als 86% = 8,6 punten: elke vraag telt tot 10 punten, het maximum is 200.',
      en: 'The scoring table says "86% = 86 points". Read as 86% = 8.6 points: every question counts up to 10 points, the maximum is 200.',
    },
    {
      id: 'covenant_row',
      questions: [],
      nl: 'De puntentabel begint de lijst met een ongenummerde regel "Is het convenant nog actueel" zonder punten; die telt niet mee in de 20 vragen.',
      en: 'The scoring table opens the list with an unnumbered row "Is the covenant still current" without points; it is not one of the 20 questions.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Answers and computed input.

export const engagementAnswerSchema = z.partialRecord(respondentKeySchema, z.number().int().min(0).max(100).nullable());
/** 'yes' | 'no' (or true | false) | { partly: whole percent 0-100 }. */
export const yesNoPartlyAnswerSchema = z.union([
  z.boolean(),
  z.literal('yes'),
  z.literal('no'),
  z.strictObject({ partly: z.number().int().min(0).max(100) }),
]);
export const countAnswerSchema = z.number().int().min(0);

export type EngagementAnswer = z.infer<typeof engagementAnswerSchema>;
export type YesNoPartlyAnswer = z.infer<typeof yesNoPartlyAnswerSchema>;
/** Per question id; the kind of the table's question decides which shape is valid. */
export type RespondentAnswers = Record<string, boolean | number | YesNoPartlyAnswer | EngagementAnswer | null | undefined>;

/** A computed fraction: `count` of `of` (shops taking part of open shops; areas walked of areas). */
export const computedFractionSchema = z.strictObject({ count: z.number().int().min(0), of: z.number().int().min(0) });
export type ComputedFraction = z.infer<typeof computedFractionSchema>;
/** Per computed question id: a fraction (percent, share) or a count (count kinds). */
export type ComputedInput = Record<string, ComputedFraction | number | undefined>;

export type ProgrammeWarning =
  | 'unanswered'
  | 'incomplete'
  | 'no_open_shops'
  | 'no_base'
  | 'not_computed'
  | 'answer_ignored';

export interface ProgrammeQuestionScore {
  id: string;
  kind: ProgrammeQuestion['kind'];
  source: 'respondent' | 'computed';
  points: number;
  pointsTenths: number;
  maxPoints: number;
  /** For percent and share questions: the figure, with the whole percent it scored. */
  figure?: { count: number; of: number; percent: number | null };
  /** For count questions: the count it scored. */
  count?: number;
  warning?: ProgrammeWarning;
}

export type ProgrammeRefusal = {
  ok: false;
  reason: 'invalid_table' | 'invalid_answer' | 'invalid_computed' | 'no_respondents';
  question?: string;
  respondent?: RespondentKey;
  message: string;
};

type QuestionResult = Omit<ProgrammeQuestionScore, 'id' | 'kind' | 'source' | 'maxPoints' | 'points'>;
type Scored = { ok: true; value: QuestionResult } | { ok: false; message: string };

const tenths = (n: number, extra: Omit<QuestionResult, 'pointsTenths'> = {}): Scored => ({
  ok: true,
  value: { pointsTenths: n, ...extra },
});
const bad = (message: string): Scored => ({ ok: false, message });

function scoreCount(q: ProgrammeQuestion, count: number): number {
  switch (q.kind) {
    case 'count_per_ten':
      return Math.min(Math.floor(count / 10) * toTenths(q.pointsPerTen), toTenths(q.maxPoints));
    case 'count_linear':
      return Math.min(count * toTenths(q.pointsPerItem), toTenths(q.maxPoints));
    case 'count_bands': {
      let points = 0;
      for (const b of q.bands) if (count >= b.from) points = toTenths(b.points);
      return points;
    }
    default:
      throw new Error(`not a count question: ${q.kind}`);
  }
}

function scoreAnswer(q: ProgrammeQuestion, answer: RespondentAnswers[string]): Scored {
  if (answer === undefined || answer === null) return tenths(0, { warning: 'unanswered' });
  switch (q.kind) {
    case 'yes_no':
      if (typeof answer !== 'boolean') return bad('answer yes (true) or no (false)');
      return tenths(toTenths(answer ? q.points.yes : q.points.no));
    case 'yes_no_partly': {
      const p = yesNoPartlyAnswerSchema.safeParse(answer);
      if (!p.success) return bad("answer 'yes', 'no' or { partly: 0-100 }");
      if (p.data === 'yes' || p.data === true) return tenths(toTenths(q.points.yes));
      if (p.data === 'no' || p.data === false) return tenths(toTenths(q.points.no));
      return tenths(roundHalfUpDiv(p.data.partly * toTenths(q.partlyMaxPoints), 100));
    }
    case 'engagement': {
      const p = engagementAnswerSchema.safeParse(answer);
      if (!p.success) return bad('answer a whole number 0-100 per party');
      const given = q.parties.map((k) => p.data[k]).filter((v): v is number => typeof v === 'number');
      if (given.length === 0) return tenths(0, { warning: 'unanswered' });
      const sum = given.reduce((a, b) => a + b, 0);
      const value = roundHalfUpDiv(sum * toTenths(q.maxPoints), given.length * 100);
      return tenths(value, given.length < q.parties.length ? { warning: 'incomplete' } : {});
    }
    case 'count_per_ten':
    case 'count_bands':
    case 'count_linear': {
      const p = countAnswerSchema.safeParse(answer);
      if (!p.success) return bad('answer a whole number, 0 or more');
      return tenths(scoreCount(q, p.data), { count: p.data });
    }
    default:
      return bad('computed question');
  }
}

function scoreComputed(q: ProgrammeQuestion, value: ComputedInput[string]): Scored {
  if (value === undefined) return tenths(0, { warning: 'not_computed' });
  if (q.kind === 'percent' || q.kind === 'share') {
    const p = computedFractionSchema.safeParse(value);
    if (!p.success || !isValidFraction(p.data.count, p.data.of)) return bad('expected { count, of } with count <= of');
    const { count, of } = p.data;
    if (of === 0) {
      return tenths(0, { figure: { count, of, percent: null }, warning: q.kind === 'percent' ? 'no_open_shops' : 'no_base' });
    }
    const percent = wholePercent(count, of);
    return tenths(roundHalfUpDiv(percent * toTenths(q.maxPoints), 100), { figure: { count, of, percent } });
  }
  const p = countAnswerSchema.safeParse(value);
  if (!p.success) return bad('expected a whole number, 0 or more');
  return tenths(scoreCount(q, p.data), { count: p.data });
}

// ---------------------------------------------------------------------------------------------
// One respondent.

export interface RespondentScore {
  ok: true;
  tableVersion: string;
  questions: ProgrammeQuestionScore[];
  total: number;
  totalTenths: number;
  maxTotal: number;
  grade: number;
  passed: boolean;
  passGrade: number;
  warnings: { question: string; warning: ProgrammeWarning }[];
  /** Answer keys that are no question of this table (e.g. from an older table version). */
  ignored: string[];
  notes: Reading[];
}

function parseTable(table: ProgrammeScoringTable): ProgrammeScoringTable | ProgrammeRefusal {
  const parsed = programmeScoringTableSchema.safeParse(table);
  if (!parsed.success) return { ok: false, reason: 'invalid_table', message: z.prettifyError(parsed.error) };
  return parsed.data;
}

function scoreList(
  tbl: ProgrammeScoringTable,
  answers: RespondentAnswers,
  computed: ComputedInput,
  respondent?: RespondentKey,
): ProgrammeQuestionScore[] | ProgrammeRefusal {
  const out: ProgrammeQuestionScore[] = [];
  for (const q of tbl.questions) {
    const given = answers[q.id];
    let scored: Scored;
    if (q.source === 'computed') {
      scored = scoreComputed(q, computed[q.id]);
      if (!scored.ok) return { ok: false, reason: 'invalid_computed', question: q.id, message: `${q.id}: ${scored.message}` };
      if (given !== undefined && given !== null && !scored.value.warning) scored.value.warning = 'answer_ignored';
    } else {
      scored = scoreAnswer(q, given);
      if (!scored.ok) {
        return { ok: false, reason: 'invalid_answer', question: q.id, respondent, message: `${q.id}: ${scored.message}` };
      }
    }
    const max = programmeQuestionMaxTenths(q);
    out.push({
      id: q.id,
      kind: q.kind,
      source: q.source,
      maxPoints: fromTenths(max),
      ...scored.value,
      points: fromTenths(scored.value.pointsTenths),
    });
  }
  return out;
}

/** One respondent's list, computed questions included (from `computed`), out of the table's maximum. */
export function scoreRespondent(
  table: ProgrammeScoringTable,
  answers: RespondentAnswers,
  computed: ComputedInput = {},
): RespondentScore | ProgrammeRefusal {
  const tbl = parseTable(table);
  if ('ok' in tbl) return tbl;
  const questions = scoreList(tbl, answers, computed);
  if (!Array.isArray(questions)) return questions;
  const totalTenths = questions.reduce((s, q) => s + q.pointsTenths, 0);
  const maxTenths = tbl.questions.reduce((s, q) => s + programmeQuestionMaxTenths(q), 0);
  const gradeTenths = roundHalfUpDiv(totalTenths * 100, maxTenths);
  const ids = new Set(tbl.questions.map((q) => q.id));
  return {
    ok: true,
    tableVersion: tbl.version,
    questions,
    totalTenths,
    total: fromTenths(totalTenths),
    maxTotal: fromTenths(maxTenths),
    grade: fromTenths(gradeTenths),
    passed: gradeTenths >= toTenths(tbl.passGrade),
    passGrade: tbl.passGrade,
    warnings: questions.flatMap((q) => (q.warning ? [{ question: q.id, warning: q.warning }] : [])),
    ignored: Object.keys(answers).filter((k) => !ids.has(k)),
    notes: tbl.readings,
  };
}

// ---------------------------------------------------------------------------------------------
// The merged list.

export type Respondents = Partial<Record<RespondentKey, RespondentAnswers | null>>;

export interface MergedQuestionScore {
  id: string;
  kind: ProgrammeQuestion['kind'];
  source: 'respondent' | 'computed';
  /** Mean over the present respondents (or the computed value), one decimal, for display. */
  points: number;
  maxPoints: number;
  /** Each present respondent's points (respondent questions only). */
  perRespondent: Partial<Record<RespondentKey, number>>;
  figure?: ProgrammeQuestionScore['figure'];
  count?: number;
  warnings: { respondent?: RespondentKey; warning: ProgrammeWarning }[];
}

export interface ProgrammeScore {
  ok: true;
  tableVersion: string;
  /** Respondents whose list was given, in the fixed order. */
  present: RespondentKey[];
  /** Respondents left out of every mean. */
  missing: RespondentKey[];
  questions: MergedQuestionScore[];
  /** Exact total rounded half up to one decimal (not the sum of the rounded per-question means). */
  total: number;
  maxTotal: number;
  /** Exact total ÷ maximum × 10, rounded half up to one decimal (default table: total ÷ 20). */
  grade: number;
  passed: boolean;
  passGrade: number;
  /** The table's readings, plus one about missing respondents when some are missing. */
  notes: Reading[];
}

export function mergeRespondents(
  table: ProgrammeScoringTable,
  respondents: Respondents,
  computed: ComputedInput = {},
): ProgrammeScore | ProgrammeRefusal {
  const tbl = parseTable(table);
  if ('ok' in tbl) return tbl;
  const present = respondentKeys.filter((k) => respondents[k] !== undefined && respondents[k] !== null);
  const missing = respondentKeys.filter((k) => !present.includes(k));
  if (present.length === 0) {
    return { ok: false, reason: 'no_respondents', message: 'no respondent filled the checklist' };
  }
  const n = present.length;

  const lists = new Map<RespondentKey, ProgrammeQuestionScore[]>();
  for (const r of present) {
    const list = scoreList(tbl, respondents[r] ?? {}, computed, r);
    if (!Array.isArray(list)) return list;
    lists.set(r, list);
  }

  // Exact total as a fraction over n: respondent questions add their sum over respondents, computed
  // questions add their value × n.
  let numerator = 0;
  const questions: MergedQuestionScore[] = tbl.questions.map((q, i) => {
    const max = programmeQuestionMaxTenths(q);
    const base = { id: q.id, kind: q.kind, source: q.source, maxPoints: fromTenths(max) };
    if (q.source === 'computed') {
      const first = lists.get(present[0]!)![i]!;
      numerator += first.pointsTenths * n;
      const warnings: MergedQuestionScore['warnings'] = [];
      if (first.warning && first.warning !== 'answer_ignored') warnings.push({ warning: first.warning });
      for (const r of present) {
        if (lists.get(r)![i]!.warning === 'answer_ignored') warnings.push({ respondent: r, warning: 'answer_ignored' });
      }
      return {
        ...base,
        points: first.points,
        perRespondent: {},
        ...(first.figure ? { figure: first.figure } : {}),
        ...(first.count !== undefined ? { count: first.count } : {}),
        warnings,
      };
    }
    let sum = 0;
    const perRespondent: Partial<Record<RespondentKey, number>> = {};
    const warnings: MergedQuestionScore['warnings'] = [];
    for (const r of present) {
      const s = lists.get(r)![i]!;
      sum += s.pointsTenths;
      perRespondent[r] = s.points;
      if (s.warning) warnings.push({ respondent: r, warning: s.warning });
    }
    numerator += sum;
    return { ...base, points: fromTenths(roundHalfUpDiv(sum, n)), perRespondent, warnings };
  });

  const maxTenths = tbl.questions.reduce((s, q) => s + programmeQuestionMaxTenths(q), 0);
  const gradeTenths = roundHalfUpDiv(numerator * 100, n * maxTenths);
  const notes = [...tbl.readings];
  if (missing.length > 0) notes.push(missingRespondentsNote(missing, n));
  return {
    ok: true,
    tableVersion: tbl.version,
    present,
    missing,
    questions,
    total: fromTenths(roundHalfUpDiv(numerator, n)),
    maxTotal: fromTenths(maxTenths),
    grade: fromTenths(gradeTenths),
    passed: gradeTenths >= toTenths(tbl.passGrade),
    passGrade: tbl.passGrade,
    notes,
  };
}

const respondentNames: Record<RespondentKey, { nl: string; en: string }> = {
  municipality: { nl: 'gemeente', en: 'municipality' },
  police: { nl: 'politie', en: 'police' },
  fireBrigade: { nl: 'brandweer', en: 'fire brigade' },
  shops: { nl: 'ondernemers', en: 'shops' },
};

function missingRespondentsNote(missing: RespondentKey[], n: number): Reading {
  const nl = missing.map((k) => respondentNames[k].nl).join(', ');
  const en = missing.map((k) => respondentNames[k].en).join(', ');
  return {
    id: 'missing_respondents',
    questions: [],
    nl: `Geen lijst van: ${nl}. Die tellen niet mee; elk gemiddelde is over ${n} invuller${n === 1 ? '' : 's'}.`,
    en: `No list from: ${en}. They are left out; every mean is over ${n} respondent${n === 1 ? '' : 's'}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Building the computed input from the register and the inspections.

export interface ProgrammeFacts {
  /** Municipality-wide participation per measure (all open shops, in an area or not). */
  municipality: Partial<Record<ShopFlagKey, { taking: number; open: number }>>;
  /** Areas walked this year, of the areas to walk. */
  areasWalked?: { walked: number; total: number };
  /** Shops that had a shop check this year (see `countShopsChecked`). */
  shopsChecked?: number;
}

/** Fills `computed` for every computed question of the table from the facts that are known. */
export function buildComputedInput(table: ProgrammeScoringTable, facts: ProgrammeFacts): ComputedInput {
  const out: ComputedInput = {};
  for (const q of table.questions) {
    if (q.source !== 'computed') continue;
    if (q.kind === 'percent') {
      const f = facts.municipality[q.measure];
      if (f) out[q.id] = { count: f.taking, of: f.open };
    } else if ('feed' in q && q.feed === 'areasWalked') {
      if (facts.areasWalked) out[q.id] = { count: facts.areasWalked.walked, of: facts.areasWalked.total };
    } else if ('feed' in q && q.feed === 'shopsChecked') {
      if (facts.shopsChecked !== undefined) out[q.id] = facts.shopsChecked;
    }
  }
  return out;
}

/** Shops (open or since closed) with at least one shop check dated in `year`. */
export function countShopsChecked(shops: readonly Pick<Shop, 'shopChecks'>[], year: number): number {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return shops.filter((s) => s.shopChecks.some((c) => c.date.startsWith(prefix))).length;
}
