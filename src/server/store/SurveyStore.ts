import type { SurveySetup } from '../../domain/survey/setup';
import type { Answers } from '../../domain/survey/question';
import type { StoredAnswerSet } from '../../domain/survey/results';
import type { LinkStatus } from '../../domain/survey/link';

/** A shop's survey link as the coordinator sees it (never the token: only its hash is kept). */
export interface SurveyLinkRow {
  id: string;
  municipality: string;
  year: number;
  shopId: string;
  status: LinkStatus;
  hasDraft: boolean;
  createdAt: string;
  issuedAt: string;
  answeredAt: string | null;
  revokedAt: string | null;
}

/** What the shopkeeper's page needs of a link found by its token. */
export interface SurveyLinkByToken extends SurveyLinkRow {
  draft: Answers | null;
}

export interface NewSurveyLink {
  id: string;
  shopId: string;
  tokenHash: string;
}

/** The shop's participation flag write, done in the answer's transaction (SPEC.md R44). */
export type FlagWrite = 'set' | 'already_set' | 'no_shop';

export type SubmitOutcome = { ok: true; flag: FlagWrite } | { ok: false; reason: 'link_unknown' | 'link_answered' | 'link_revoked' };

/** The shop survey (migration 070; SPEC.md R44-R46). */
export interface SurveyStore {
  getSetup(municipality: string, year: number): Promise<SurveySetup | null>;
  saveSetup(setup: SurveySetup, by: string): Promise<SurveySetup>;
  /** Years with a survey, newest first. */
  listYears(municipality: string): Promise<number[]>;

  /** Adds the links; a shop that already has a link (not revoked) this year is skipped. Returns the ids added. */
  addLinks(municipality: string, year: number, links: readonly NewSurveyLink[]): Promise<string[]>;
  /** Gives open links new tokens (the old ones stop working; drafts stay). Returns the ids changed. */
  reissueLinks(municipality: string, year: number, tokens: readonly { id: string; tokenHash: string }[]): Promise<string[]>;
  listLinks(municipality: string, year: number): Promise<SurveyLinkRow[]>;
  /** Revokes an open link; false when there is no open link with that id in the municipality. */
  revokeLink(municipality: string, id: string): Promise<boolean>;

  findLinkByToken(tokenHash: string): Promise<SurveyLinkByToken | null>;
  /** Keeps a draft of an open link; false when the link is not open (nothing stored). */
  saveDraft(tokenHash: string, draft: Answers): Promise<boolean>;
  /**
   * In one transaction: the link (locked) must be open; the answers are stored without shop or link,
   * the link becomes answered, and the shop record's survey flag is set with a new revision (R44).
   */
  submit(tokenHash: string, answer: { id: string; areaId: string | null; fixedVersion: string; answers: Answers }): Promise<SubmitOutcome>;

  listAnswers(municipality: string, year: number, areaId?: string): Promise<StoredAnswerSet[]>;

  /** The register's shops (synced records) with what letters need, for the coordinator; by id. */
  listShops(municipality: string): Promise<SurveyShop[]>;
}

export interface SurveyShop {
  id: string;
  name: string;
  address: string;
  point: [number, number];
  open: boolean;
  surveyAnswered: boolean;
}
