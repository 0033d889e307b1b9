import type { FastifyInstance } from 'fastify';
import { computeParticipationForAreas, measures, type Measure } from '../../domain/participation';
import type { Store } from '../store/Store';

/** One measure's figure in the summary: counts and the whole percent (null when no open shops). */
export interface PublicFigure {
  taking: number;
  open: number;
  percent: number | null;
}

/**
 * The partners' summary: areas and numbers only. Never photos, free text, names or finding points;
 * the shape is built field by field here, so a new column elsewhere cannot leak into it.
 */
export function registerPublicRoutes(
  app: FastifyInstance,
  deps: { store: Store; municipality: string; municipalities?: readonly string[]; now?: () => Date },
): void {
  const { store } = deps;
  const served = deps.municipalities ?? [deps.municipality];
  const now = deps.now ?? (() => new Date());

  app.get('/api/public/summary', async (request, reply) => {
    // R30: one municipality's figures: `?municipality=`, else the signed-in person's own (the server's
    // one when they belong to it), else the server's one. A private view is only for its members.
    const asked = (request.query as { municipality?: unknown } | undefined)?.municipality;
    const own = Object.keys(request.actor?.municipalities ?? {});
    const municipality = typeof asked === 'string' && asked !== '' ? asked : own.includes(deps.municipality) || own.length === 0 ? deps.municipality : own[0]!;
    if (!served.includes(municipality)) return reply.code(404).send({ error: 'unknown_municipality' });
    const year = now().getFullYear();
    const [areas, settings, counts, shops, grades] = await Promise.all([
      store.listAreas(municipality),
      store.users.getSettings(),
      store.countFindingsByAreaAndTheme(municipality),
      store.listShopsForParticipation(municipality),
      store.listAreaGrades(municipality, year),
    ]);
    if (!settings.partnersPublic && !own.includes(municipality)) return reply.code(403).send({ error: 'not_allowed_for_municipality' });
    const byArea = new Map<string, Record<string, number>>();
    for (const c of counts) {
      const themes = byArea.get(c.areaId) ?? {};
      themes[c.theme] = c.count;
      byArea.set(c.areaId, themes);
    }
    // The same functions the devices use, so the partners see the numbers the coordinator sees.
    const participation = computeParticipationForAreas(shops, areas, year);
    const gradeOf = new Map(grades.map((g) => [g.areaId, g.grade]));

    return {
      public: settings.partnersPublic,
      municipality,
      findingCountsAvailable: true,
      year,
      areas: areas.map((a) => {
        const group = participation.areas[a.id];
        const figures = {} as Record<Measure, PublicFigure>;
        for (const m of measures) {
          const f = group?.measures[m];
          figures[m] = { taking: f?.taking ?? 0, open: f?.open ?? 0, percent: f?.percent ?? null };
        }
        const grade = gradeOf.get(a.id);
        return {
          id: a.id,
          name: a.name,
          kind: a.kind,
          kvoStatus: a.kvoStatus,
          geometry: a.geometry,
          findingsByTheme: byArea.get(a.id) ?? {},
          participation: { shops: group?.shops ?? 0, open: group?.open ?? 0, measures: figures },
          ...(grade !== undefined ? { grade } : {}),
        };
      }),
    };
  });
}
