/**
 * The coordinator's side of the shop survey (issue 16): set up the year's survey, make the shops'
 * one-time links (tokens shown once, kept hashed), reissue them for reminders, revoke them, and read
 * the results with free text. Every route works in one municipality the actor coordinates (R30).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildAreaIndex } from '../../domain/areaIndex';
import { CURRENT_FIXED_VERSION, fixedQuestionSet, fixedQuestionSets } from '../../domain/survey/fixedQuestions';
import { SURVEY_LIMITS } from '../../domain/survey/question';
import { coordinatorResults } from '../../domain/survey/results';
import { surveyQuestions, validateSetup } from '../../domain/survey/setup';
import { surveyLinkUrl } from '../../domain/survey/link';
import { hashToken, newToken } from '../auth/tokens';
import type { Store } from '../store/Store';
import type { SurveyShop } from '../store/SurveyStore';
import { coordinatedMunicipality, yearParam } from './municipalityParam';

export interface SurveyRouteOptions {
  store: Pick<Store, 'survey' | 'listAreas'>;
  municipalities: readonly string[];
  /** PUBLIC_URL for the links in letters; else the address the coordinator's request came to. */
  publicUrl?: string;
  now?: () => Date;
}

/** One printable letter: the link is in it, shown once (only its hash is kept). */
export interface SurveyLetter {
  linkId: string;
  shopId: string;
  name: string;
  address: string;
  areaId: string | null;
  url: string;
}

const MAX_IDS = 10_000;

function idList(v: unknown): string[] | null {
  if (v === undefined) return null;
  if (!Array.isArray(v) || v.length > MAX_IDS || !v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 100)) return null;
  return v as string[];
}

function bodyYear(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100 ? v : null;
}

export function registerSurveyCoordinatorRoutes(app: FastifyInstance, deps: SurveyRouteOptions): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const baseUrl = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.host}`;
  const areaIndexOf = async (m: string) => {
    const areas = await store.listAreas(m);
    return { index: buildAreaIndex(areas), names: Object.fromEntries(areas.map((a) => [a.id, a.name])) };
  };
  const letterOf = (shop: SurveyShop, linkId: string, token: string, areaId: string | null, request: FastifyRequest): SurveyLetter => ({
    linkId,
    shopId: shop.id,
    name: shop.name,
    address: shop.address,
    areaId,
    url: surveyLinkUrl(baseUrl(request), token),
  });

  app.get('/api/survey', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const year = yearParam(request, now().getFullYear());
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    const [setup, years] = await Promise.all([store.survey.getSetup(m, year), store.survey.listYears(m)]);
    const version = setup?.fixedVersion ?? CURRENT_FIXED_VERSION;
    return {
      municipality: m,
      year,
      years,
      setup,
      defaults: { fixedVersion: CURRENT_FIXED_VERSION, threshold: SURVEY_LIMITS.minThreshold, resultsPublic: false, topical: [] },
      versions: fixedQuestionSets.map((s) => s.version),
      fixedQuestions: fixedQuestionSet(version)?.questions ?? [],
      limits: SURVEY_LIMITS,
    };
  });

  app.put('/api/survey', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const checked = validateSetup(m, request.body);
    if (!checked.ok) return reply.code(400).send({ error: checked.reason, field: checked.field });
    return { setup: await store.survey.saveSetup(checked.setup, request.actor!.id) };
  });

  app.get('/api/survey/links', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const year = yearParam(request, now().getFullYear());
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    const [links, shops, { index, names }] = await Promise.all([store.survey.listLinks(m, year), store.survey.listShops(m), areaIndexOf(m)]);
    const shopById = new Map(shops.map((s) => [s.id, s]));
    const linked = new Set(links.filter((l) => l.status !== 'revoked').map((l) => l.shopId));
    return {
      municipality: m,
      year,
      areaNames: names,
      links: links.map((l) => {
        const shop = shopById.get(l.shopId);
        return { ...l, name: shop?.name ?? null, address: shop?.address ?? null, open: shop?.open ?? false, areaId: shop ? index.areaOf(shop.point) : null };
      }),
      // Open shops of the register that have no link yet this year.
      withoutLink: shops.filter((s) => s.open && !linked.has(s.id)).map((s) => ({ shopId: s.id, name: s.name, address: s.address, areaId: index.areaOf(s.point) })),
    };
  });

  // Makes links for the open shops without one (all, or those named), and answers the letters once.
  app.post('/api/survey/links', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const body = (request.body ?? {}) as { year?: unknown; shopIds?: unknown };
    const year = bodyYear(body.year);
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    const only = idList(body.shopIds);
    if (body.shopIds !== undefined && only === null) return reply.code(400).send({ error: 'invalid_input', field: '/shopIds' });
    if (!(await store.survey.getSetup(m, year))) return reply.code(409).send({ error: 'no_survey', message: `No survey for ${year}: set it up first.` });
    const [shops, { index }] = await Promise.all([store.survey.listShops(m), areaIndexOf(m)]);
    const wanted = shops.filter((s) => s.open && (only === null || only.includes(s.id)));
    const made = wanted.map((shop) => ({ shop, id: uuidv7(), token: newToken() }));
    const added = new Set(await store.survey.addLinks(m, year, made.map((x) => ({ id: x.id, shopId: x.shop.id, tokenHash: hashToken(x.token) }))));
    const letters = made.filter((x) => added.has(x.id)).map((x) => letterOf(x.shop, x.id, x.token, index.areaOf(x.shop.point), request));
    return { year, letters };
  });

  // Reminders: new tokens for open links (all open ones, or those named); the old letters stop working.
  app.post('/api/survey/links/reissue', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const body = (request.body ?? {}) as { year?: unknown; linkIds?: unknown };
    const year = bodyYear(body.year);
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    const only = idList(body.linkIds);
    if (body.linkIds !== undefined && only === null) return reply.code(400).send({ error: 'invalid_input', field: '/linkIds' });
    const [links, shops, { index }] = await Promise.all([store.survey.listLinks(m, year), store.survey.listShops(m), areaIndexOf(m)]);
    const shopById = new Map(shops.map((s) => [s.id, s]));
    const open = links.filter((l) => l.status === 'open' && (only === null || only.includes(l.id)) && shopById.get(l.shopId)?.open);
    const made = open.map((l) => ({ link: l, token: newToken() }));
    const changed = new Set(await store.survey.reissueLinks(m, year, made.map((x) => ({ id: x.link.id, tokenHash: hashToken(x.token) }))));
    const letters = made.filter((x) => changed.has(x.link.id)).map((x) => {
      const shop = shopById.get(x.link.shopId)!;
      return letterOf(shop, x.link.id, x.token, index.areaOf(shop.point), request);
    });
    return { year, letters };
  });

  app.post('/api/survey/links/:id/revoke', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const { id } = request.params as { id: string };
    if (!(await store.survey.revokeLink(m, id))) return reply.code(404).send({ error: 'not_found', message: 'No open link with this id.' });
    return { revoked: true };
  });

  app.get('/api/survey/results', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, deps.municipalities);
    if (m === null) return reply;
    const year = yearParam(request, now().getFullYear());
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    const setup = await store.survey.getSetup(m, year);
    if (!setup) return reply.code(404).send({ error: 'no_survey' });
    const [sets, links, { names }] = await Promise.all([store.survey.listAnswers(m, year), store.survey.listLinks(m, year), areaIndexOf(m)]);
    const active = links.filter((l) => l.status !== 'revoked');
    const results = coordinatorResults(surveyQuestions(setup), sets);
    return {
      municipalityId: m,
      year,
      threshold: setup.threshold,
      resultsPublic: setup.resultsPublic,
      areaNames: names,
      links: { total: active.length, answered: active.filter((l) => l.status === 'answered').length },
      municipality: results.municipality,
      areas: results.areas,
    };
  });
}
