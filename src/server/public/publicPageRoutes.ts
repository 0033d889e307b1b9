/**
 * The public pages (issue 16, SPEC.md R49): one per area and one per municipality, and the data of a
 * certificate and window sticker. Open to anyone once the coordinator made the municipality's pages
 * public (else only to its members). Built field by field from counts and grades: never a finding's
 * point, photo or free text, never a shop's name.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { areaIdSchema } from '../../domain/area';
import type { MunicipalityConfig } from '../../domain/municipality';
import { computeParticipationForAreas, measures, type Measure } from '../../domain/participation';
import { certificateValidity, themeCounts, yearChange } from '../../domain/publicPage';
import type { Store } from '../store/Store';
import type { FrozenGrade } from '../store/PublicPageStore';
import { coordinates } from '../worries/worryRoutes';
import { perAddress } from '../http/publicRateLimit';
import { publicTrends } from './publicTrends';

export interface PublicPageOptions {
  store: Pick<Store, 'publicPages' | 'listAreas' | 'listShopsForParticipation' | 'survey' | 'rateLimits'>;
  municipalities: readonly MunicipalityConfig[];
  now?: () => Date;
  /**
   * Sections other features add to the page (the survey results, the trends): given the municipality,
   * area (null: the whole municipality) and year, each returns a JSON value or null (nothing to show).
   */
  sections?: Record<string, (municipality: string, areaId: string | null, year: number) => Promise<unknown>>;
}

const publicBodySchema = z.strictObject({ public: z.boolean() });
const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** The year in Europe/Amsterdam. */
const yearOf = (d: Date) => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(d));

export function registerPublicPageRoutes(app: FastifyInstance, o: PublicPageOptions): void {
  const { store } = o;
  const now = o.now ?? (() => new Date());
  const served = new Map(o.municipalities.map((m) => [m.id, m]));

  /** The municipality of the path when it may be read: public, or the asker belongs to it. */
  async function readable(request: FastifyRequest, reply: FastifyReply, id: string): Promise<MunicipalityConfig | null> {
    const m = served.get(id);
    if (!m) {
      void reply.code(404).send({ error: 'unknown_municipality' });
      return null;
    }
    const member = request.actor !== null && Object.hasOwn(request.actor.municipalities, id);
    if (!member && !(await store.publicPages.isPublic(id))) {
      void reply.code(404).send({ error: 'not_public', message: 'The coordinator has not made these pages public.' });
      return null;
    }
    return m;
  }

  async function extraSections(municipality: string, areaId: string | null, year: number): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, section] of Object.entries(o.sections ?? {})) out[name] = await section(municipality, areaId, year).catch(() => null);
    return out;
  }

  function gradeOf(grades: readonly FrozenGrade[], areaId: string, year: number): number | null {
    return grades.find((g) => g.areaId === areaId && g.year === year)?.grade ?? null;
  }

  /** The latest frozen record up to `year` that certified the area and is still valid in `year`. */
  function certificateOf(grades: readonly FrozenGrade[], areaId: string, year: number) {
    const own = grades.filter((g) => g.areaId === areaId && g.certified && g.year <= year).sort((a, b) => b.year - a.year);
    for (const g of own) {
      const validity = certificateValidity(g.frozenAt);
      if (validity && validity.until.slice(0, 4) >= String(year)) return { year: g.year, grade: g.grade, validFrom: validity.from, validUntil: validity.until };
    }
    return null;
  }

  app.get('/api/public/pages/:municipality', async (request, reply) => {
    const { municipality } = request.params as { municipality: string };
    const m = await readable(request, reply, municipality);
    if (!m) return reply;
    const year = yearOf(now());
    const [areas, rows, grades, shops, isPublic] = await Promise.all([
      store.listAreas(m.id),
      store.publicPages.findingCounts(m.id),
      store.publicPages.frozenGrades(m.id),
      store.listShopsForParticipation(m.id),
      store.publicPages.isPublic(m.id),
    ]);
    const participation = computeParticipationForAreas(shops, areas, year);
    return {
      public: isPublic,
      municipality: { id: m.id, name: m.name },
      year,
      areas: areas.map((a) => ({
        id: a.id,
        name: a.name,
        kvoStatus: a.kvoStatus,
        grade: gradeOf(grades, a.id, year),
        certified: certificateOf(grades, a.id, year) !== null,
        findings: themeCounts(rows, year, a.id).totalFound,
      })),
      participation: figures(participation.municipality),
      schouw: themeCounts(rows, year, null),
      change: yearChange(rows, year, null, { thisYear: null, lastYear: null }),
      ...(await extraSections(m.id, null, year)),
    };
  });

  app.get('/api/public/pages/:municipality/:areaId', async (request, reply) => {
    const { municipality, areaId } = request.params as { municipality: string; areaId: string };
    const m = await readable(request, reply, municipality);
    if (!m) return reply;
    const id = areaIdSchema.safeParse(areaId);
    const areas = await store.listAreas(m.id);
    const area = id.success ? areas.find((a) => a.id === id.data) : undefined;
    if (!area) return reply.code(404).send({ error: 'unknown_area' });
    const year = yearOf(now());
    const [rows, grades, shops, isPublic] = await Promise.all([
      store.publicPages.findingCounts(m.id),
      store.publicPages.frozenGrades(m.id),
      store.listShopsForParticipation(m.id),
      store.publicPages.isPublic(m.id),
    ]);
    const participation = computeParticipationForAreas(shops, areas, year).areas[area.id];
    const grade = gradeOf(grades, area.id, year);
    return {
      public: isPublic,
      municipality: { id: m.id, name: m.name },
      area: { id: area.id, name: area.name, kind: area.kind, kvoStatus: area.kvoStatus },
      year,
      grade,
      certificate: certificateOf(grades, area.id, year),
      participation: participation ? figures(participation) : null,
      schouw: themeCounts(rows, year, area.id),
      change: yearChange(rows, year, area.id, { thisYear: grade, lastYear: gradeOf(grades, area.id, year - 1) }),
      ...(await extraSections(m.id, area.id, year)),
    };
  });

  // Trends year over year (issue 16): the same access as the pages, so a municipality that is not public
  // answers 404 to strangers; a per-address limit, as they read every finding of the municipality.
  const trendsLimit = { preHandler: perAddress(store.rateLimits, 'public-trends', { max: 60, windowMs: 60_000 }, now) };
  app.get('/api/public/trends/:municipality', trendsLimit, async (request, reply) => {
    const { municipality } = request.params as { municipality: string };
    const m = await readable(request, reply, municipality);
    if (!m) return reply;
    const trends = await publicTrends(store, m.id, null, now(), yearOf(now()));
    return { municipality: { id: m.id, name: m.name }, area: null, ...(trends ?? { themes: [], years: [], passGrade: 6 }) };
  });

  app.get('/api/public/trends/:municipality/:areaId', trendsLimit, async (request, reply) => {
    const { municipality, areaId } = request.params as { municipality: string; areaId: string };
    const m = await readable(request, reply, municipality);
    if (!m) return reply;
    const id = areaIdSchema.safeParse(areaId);
    const area = id.success ? (await store.listAreas(m.id)).find((a) => a.id === id.data) : undefined;
    if (!area) return reply.code(404).send({ error: 'unknown_area' });
    const trends = await publicTrends(store, m.id, area.id, now(), yearOf(now()));
    return { municipality: { id: m.id, name: m.name }, area: { id: area.id, name: area.name }, ...(trends ?? { themes: [], years: [], passGrade: 6 }) };
  });

  app.get('/api/public/certificates/:municipality/:areaId/:year', async (request, reply) => {
    const p = request.params as { municipality: string; areaId: string; year: string };
    const m = await readable(request, reply, p.municipality);
    if (!m) return reply;
    const year = yearSchema.safeParse(p.year);
    const id = areaIdSchema.safeParse(p.areaId);
    const area = id.success ? (await store.listAreas(m.id)).find((a) => a.id === id.data) : undefined;
    if (!area || !year.success) return reply.code(404).send({ error: 'unknown_area' });
    const grades = await store.publicPages.frozenGrades(m.id);
    const own = grades.find((g) => g.areaId === area.id && g.year === year.data && g.certified);
    const validity = own ? certificateValidity(own.frozenAt) : null;
    if (!own || !validity) return reply.code(404).send({ error: 'not_certified', message: 'This area has no frozen certification with a pass grade for that year.' });
    return {
      municipality: { id: m.id, name: m.name },
      area: { id: area.id, name: area.name },
      year: own.year,
      grade: own.grade,
      validFrom: validity.from,
      validUntil: validity.until,
    };
  });

  app.get('/api/public-pages', async (request, reply) => {
    const m = (request.query as { municipality?: unknown }).municipality;
    const id = typeof m === 'string' && m !== '' ? m : o.municipalities[0]!.id;
    if (!served.has(id)) return reply.code(404).send({ error: 'unknown_municipality' });
    if (!coordinates(request.actor, id)) return reply.code(403).send({ error: 'not_allowed_for_municipality' });
    const grades = await store.publicPages.frozenGrades(id);
    return { municipality: id, public: await store.publicPages.isPublic(id), certified: grades.filter((g) => g.certified).map((g) => ({ areaId: g.areaId, year: g.year, grade: g.grade })) };
  });

  app.put('/api/public-pages', async (request, reply) => {
    const m = (request.query as { municipality?: unknown }).municipality;
    const id = typeof m === 'string' && m !== '' ? m : o.municipalities[0]!.id;
    if (!served.has(id)) return reply.code(404).send({ error: 'unknown_municipality' });
    if (!coordinates(request.actor, id)) return reply.code(403).send({ error: 'not_allowed_for_municipality' });
    const body = publicBodySchema.parse(request.body);
    await store.publicPages.setPublic(id, body.public, request.actor!.id);
    return { municipality: id, public: body.public };
  });
}

/** Participation as counts and whole percents per measure (the numbers the coordinator sees). */
function figures(group: { shops: number; open: number; measures: Record<Measure, { taking: number; open: number; percent: number | null }> }) {
  const out = {} as Record<Measure, { taking: number; open: number; percent: number | null }>;
  for (const k of measures) {
    const f = group.measures[k];
    out[k] = { taking: f.taking, open: f.open, percent: f.percent };
  }
  return { shops: group.shops, open: group.open, measures: out };
}

