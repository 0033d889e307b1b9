/**
 * The shopkeeper's side of the survey, open to the internet (issue 16; SPEC.md R45, R46): open a link,
 * keep a draft, send the answers once; and the public results of an area or the municipality, shown only
 * from the threshold. The token travels in the body (never in a URL, so no log or Referer holds it).
 * Limits: small bodies, requests per address and per link counted in the database (RateLimitStore, shared
 * by every server process); every refusal stores nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildAreaIndex } from '../../domain/areaIndex';
import { validateAnswers } from '../../domain/survey/answers';
import { linkRefusal, type LinkRefusal } from '../../domain/survey/link';
import { publicGroupResult } from '../../domain/survey/results';
import { surveyQuestions } from '../../domain/survey/setup';
import { hashToken } from '../auth/tokens';
import type { Store } from '../store/Store';
import { overLimit, perAddress as perAddressLimit } from '../http/publicRateLimit';
import { yearParam } from './municipalityParam';

export interface PublicSurveyOptions {
  store: Pick<Store, 'survey' | 'listAreas' | 'rateLimits'>;
  municipalities: readonly { id: string; name: string }[];
  now?: () => Date;
  /** Per address, per minute (tests lower them). */
  perAddress?: { open: number; draft: number; submit: number; results: number };
  /** Per link: requests in `windowMs`. */
  perLink?: { max: number; windowMs: number };
}

/** Bodies of these routes are small: 20 questions of at most 1000 characters and a token. */
export const PUBLIC_SURVEY_BODY_LIMIT = 64 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const refusalStatus: Record<LinkRefusal, number> = { link_unknown: 404, link_answered: 409, link_revoked: 410 };

export function registerPublicSurveyRoutes(app: FastifyInstance, deps: PublicSurveyOptions): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const perAddress = deps.perAddress ?? { open: 30, draft: 120, submit: 10, results: 60 };
  const perLink = { max: deps.perLink?.max ?? 300, windowMs: deps.perLink?.windowMs ?? 3600_000 };
  const limit = (name: string, max: number) => ({
    bodyLimit: PUBLIC_SURVEY_BODY_LIMIT,
    preHandler: perAddressLimit(store.rateLimits, `survey-${name}`, { max, windowMs: 60_000 }, now),
  });
  const refuse = (reply: FastifyReply, reason: LinkRefusal) => reply.code(refusalStatus[reason]).send({ error: reason });

  /** The token of the body when it looks like one and its link may make another request; else answered. */
  const tokenOf = async (body: unknown, reply: FastifyReply): Promise<string | null> => {
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || !TOKEN.test(token)) {
      await refuse(reply, 'link_unknown');
      return null;
    }
    const hash = hashToken(token);
    if (await overLimit(store.rateLimits, `survey-link:${hash}`, perLink, reply, now())) return null;
    return hash;
  };

  /** The link's survey when it is open; else the refusal was sent. */
  const openSurvey = async (hash: string, reply: FastifyReply) => {
    const link = await store.survey.findLinkByToken(hash);
    const refusal = linkRefusal(link?.status ?? null);
    if (refusal) {
      await refuse(reply, refusal);
      return null;
    }
    const setup = await store.survey.getSetup(link!.municipality, link!.year);
    if (!setup) {
      await refuse(reply, 'link_unknown');
      return null;
    }
    return { link: link!, setup, questions: surveyQuestions(setup) };
  };

  app.post('/api/public/survey/open', limit('open', perAddress.open), async (request, reply) => {
    const hash = await tokenOf(request.body, reply);
    if (hash === null) return reply;
    const found = await openSurvey(hash, reply);
    if (!found) return reply;
    const shop = (await store.survey.listShops(found.link.municipality)).find((s) => s.id === found.link.shopId);
    return {
      year: found.link.year,
      municipality: deps.municipalities.find((m) => m.id === found.link.municipality)?.name ?? found.link.municipality,
      shopName: shop?.name ?? null,
      questions: found.questions,
      draft: found.link.draft ?? {},
    };
  });

  app.put('/api/public/survey/draft', limit('draft', perAddress.draft), async (request, reply) => {
    const hash = await tokenOf(request.body, reply);
    if (hash === null) return reply;
    const found = await openSurvey(hash, reply);
    if (!found) return reply;
    const checked = validateAnswers(found.questions, (request.body as { answers?: unknown }).answers, { final: false });
    if (!checked.ok) return reply.code(400).send({ error: checked.reason, field: checked.field });
    if (!(await store.survey.saveDraft(hash, checked.answers))) return refuse(reply, 'link_answered');
    return { saved: true };
  });

  app.post('/api/public/survey/submit', limit('submit', perAddress.submit), async (request, reply) => {
    const hash = await tokenOf(request.body, reply);
    if (hash === null) return reply;
    const found = await openSurvey(hash, reply);
    if (!found) return reply;
    const checked = validateAnswers(found.questions, (request.body as { answers?: unknown }).answers, { final: true });
    if (!checked.ok) return reply.code(400).send({ error: checked.reason, field: checked.field });
    // The area the shop lies in now; the answer keeps only that, never the shop or the link.
    const [shops, areas] = await Promise.all([store.survey.listShops(found.link.municipality), store.listAreas(found.link.municipality)]);
    const shop = shops.find((s) => s.id === found.link.shopId);
    const areaId = shop ? buildAreaIndex(areas).areaOf(shop.point) : null;
    const outcome = await store.survey.submit(hash, { id: uuidv7(), areaId, fixedVersion: found.setup.fixedVersion, answers: checked.answers });
    if (!outcome.ok) return refuse(reply, outcome.reason);
    return { answered: true };
  });

  const publicResult = async (municipality: string, areaId: string | undefined, year: number) => {
    const setup = await store.survey.getSetup(municipality, year);
    if (!setup) return { shown: false as const, threshold: 5, reason: 'no_survey' as const };
    const sets = await store.survey.listAnswers(municipality, year, areaId);
    return publicGroupResult(surveyQuestions(setup), sets, setup.threshold, setup.resultsPublic);
  };

  app.get('/api/public/survey/:municipality', limit('results', perAddress.results), async (request, reply) => {
    const { municipality } = request.params as { municipality: string };
    const m = deps.municipalities.find((x) => x.id === municipality);
    if (!m) return reply.code(404).send({ error: 'unknown_municipality' });
    const year = yearParam(request, now().getFullYear());
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    return { municipality: m.id, name: m.name, year, ...(await publicResult(m.id, undefined, year)) };
  });

  app.get('/api/public/survey/:municipality/areas/:areaId', limit('results', perAddress.results), async (request, reply) => {
    const { municipality, areaId } = request.params as { municipality: string; areaId: string };
    const m = deps.municipalities.find((x) => x.id === municipality);
    if (!m) return reply.code(404).send({ error: 'unknown_municipality' });
    const area = (await store.listAreas(m.id)).find((a) => a.id === areaId);
    if (!area) return reply.code(404).send({ error: 'unknown_area' });
    const year = yearParam(request, now().getFullYear());
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    return { municipality: m.id, areaId: area.id, name: area.name, year, ...(await publicResult(m.id, area.id, year)) };
  });
}
