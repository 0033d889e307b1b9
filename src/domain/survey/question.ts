/**
 * Survey questions (issue 16, seed 000 "Enquêtes"): at most 15 fixed questions, kept as versioned data so
 * the answers of different years compare, plus at most 5 topical questions a year. Pure types and limits;
 * no schema library, so the shopkeeper's page (which only renders what the server sends) stays small.
 */

export const questionKinds = ['yesNo', 'scale', 'choice', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Dutch first; English optional (a coordinator's topical question is often Dutch only). */
export interface LocalText {
  nl: string;
  en?: string;
}

export interface ChoiceOption {
  id: string;
  label: LocalText;
}

export interface Question {
  /** Stable across versions for a question that did not change meaning, so years compare. */
  id: string;
  kind: QuestionKind;
  text: LocalText;
  /** Only for `choice`: 2 to 8 options. */
  options?: ChoiceOption[];
}

/** A scale answer is a whole number from SCALE_MIN to SCALE_MAX (1 = very bad/unsafe, 5 = very good/safe). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export const SURVEY_LIMITS = {
  fixedQuestions: 15,
  topicalQuestions: 5,
  questionText: 300,
  optionLabel: 80,
  minOptions: 2,
  maxOptions: 8,
  /** A short text answer. */
  textAnswer: 1000,
  /** The lowest public threshold; the coordinator may set it higher, never lower (no shop recognisable). */
  minThreshold: 5,
  maxThreshold: 1000,
} as const;

/** One answer: yes/no, a scale value, a choice option's id or a short text. */
export type AnswerValue = boolean | number | string;
/** Question id → answer. A question left out was skipped (every question is optional). */
export type Answers = Record<string, AnswerValue>;
