/** The coordinator's survey calls; failures come back as values (with a reason), never thrown. */
import type { Question } from '../../domain/survey/question';
import type { SurveyResults } from '../../domain/survey/results';
import type { SurveySetup } from '../../domain/survey/setup';
import type { LinkStatus } from '../../domain/survey/link';
import { call } from '../auth/usersApi';

export interface SurveyOverview {
  municipality: string;
  year: number;
  years: number[];
  setup: SurveySetup | null;
  defaults: Omit<SurveySetup, 'municipality' | 'year'>;
  versions: string[];
  fixedQuestions: Question[];
}

export interface SurveyLetter {
  linkId: string;
  shopId: string;
  name: string;
  address: string;
  areaId: string | null;
  url: string;
}

export interface SurveyLinkEntry {
  id: string;
  shopId: string;
  status: LinkStatus;
  hasDraft: boolean;
  issuedAt: string;
  answeredAt: string | null;
  name: string | null;
  address: string | null;
  open: boolean;
  areaId: string | null;
}

export interface SurveyLinks {
  areaNames: Record<string, string>;
  links: SurveyLinkEntry[];
  withoutLink: { shopId: string; name: string; address: string; areaId: string | null }[];
}

export interface CoordinatorResults extends SurveyResults {
  year: number;
  threshold: number;
  resultsPublic: boolean;
  areaNames: Record<string, string>;
  links: { total: number; answered: number };
}

const q = (m: string, year?: number) => `municipality=${encodeURIComponent(m)}${year !== undefined ? `&year=${year}` : ''}`;

export const surveyApi = {
  overview: (m: string, year: number) => call<SurveyOverview>(`/api/survey?${q(m, year)}`),
  save: (m: string, setup: Omit<SurveySetup, 'municipality'>) => call<{ setup: SurveySetup } & { field?: string }>(`/api/survey?${q(m)}`, { method: 'PUT', json: setup }),
  links: (m: string, year: number) => call<SurveyLinks>(`/api/survey/links?${q(m, year)}`),
  makeLinks: (m: string, year: number) => call<{ letters: SurveyLetter[] }>(`/api/survey/links?${q(m)}`, { method: 'POST', json: { year } }),
  reissue: (m: string, year: number, linkIds?: string[]) => call<{ letters: SurveyLetter[] }>(`/api/survey/links/reissue?${q(m)}`, { method: 'POST', json: { year, ...(linkIds ? { linkIds } : {}) } }),
  revoke: (m: string, id: string) => call<unknown>(`/api/survey/links/${encodeURIComponent(id)}/revoke?${q(m)}`, { method: 'POST', json: {} }),
  results: (m: string, year: number) => call<CoordinatorResults>(`/api/survey/results?${q(m, year)}`),
};
