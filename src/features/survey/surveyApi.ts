/** The coordinator's survey calls; failures come back as values (with a reason), never thrown. */
import type { Question } from '../../domain/survey/question';
import type { SurveyResults } from '../../domain/survey/results';
import type { SurveySetup } from '../../domain/survey/setup';
import type { LinkStatus } from '../../domain/survey/link';
import { call } from '../auth/usersApi';
import { apiFetch } from '../../services/session';

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

export type MailState = 'queued' | 'sending' | 'sent' | 'failed';

export interface SurveyMailing {
  smtpConfigured: boolean;
  contacts: { shopId: string; email: string; updatedAt: string }[];
  /** Per link id. */
  mails: Record<string, { invitedAt: string | null; remindedAt: string | null; last: { kind: 'survey_invite' | 'survey_reminder'; status: MailState; createdAt: string; sentAt: string | null; lastError: string | null } }>;
}

export interface SurveyMailResult {
  queued: number;
  mailedShopIds: string[];
  letters: SurveyLetter[];
  smtpConfigured: boolean;
}

export interface ContactsProblem {
  row: number;
  field: string;
  reason: string;
  value?: string;
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
  mailing: (m: string, year: number) => call<SurveyMailing>(`/api/survey/mailing?${q(m, year)}`),
  setContact: (m: string, shopId: string, email: string) => call<{ email: string }>(`/api/survey/contacts/${encodeURIComponent(shopId)}?${q(m)}`, { method: 'PUT', json: { email } }),
  removeContact: (m: string, shopId: string) => call<unknown>(`/api/survey/contacts/${encodeURIComponent(shopId)}?${q(m)}`, { method: 'DELETE' }),
  sendMail: (m: string, year: number, reminder: boolean, closesOn: string) =>
    call<SurveyMailResult>(`/api/survey/mail?${q(m)}`, { method: 'POST', json: { year, reminder, ...(closesOn ? { closesOn } : {}) } }),
  /** The CSV of addresses; a refusal keeps the server's list of broken rows. */
  importContacts: async (m: string, csv: string): Promise<{ ok: true; set: number; removed: number } | { ok: false; error: string; problems: ContactsProblem[] }> => {
    let res: Response;
    try {
      res = await apiFetch(`/api/survey/contacts/import?${q(m)}`, { method: 'POST', json: { csv } });
    } catch {
      return { ok: false, error: 'offline', problems: [] };
    }
    const body = (await res.json().catch(() => ({}))) as { set?: number; removed?: number; error?: string; problems?: ContactsProblem[] };
    return res.ok ? { ok: true, set: body.set ?? 0, removed: body.removed ?? 0 } : { ok: false, error: body.error ?? 'unknown', problems: body.problems ?? [] };
  },
};
