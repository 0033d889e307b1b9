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
export function registerPublicRoutes(app: FastifyInstance, deps: { store: Store; municipality: string; now?: () => Date }): void {
  const { store, municipality } = deps;
  const now = deps.now ?? (() => new Date());

  app.get('/api/public/summary', async () => {
    const year = now().getFullYear();
    const [areas, settings, counts, shops, grades] = await Promise.all([
      store.listAreas(municipality),
      store.users.getSettings(),
      store.countFindingsByAreaAndTheme(municipality),
      store.listShopsForParticipation(municipality),
      store.listAreaGrades(municipality, year),
    ]);
    const byArea = new Map<string, Record<string, number>>();
    for (const c of counts) {
      const themes = byArea.get(c.areaId) ?? {};
      themes[c.theme] = c.count;
      byArea.set(c.areaId, themes);
    }
    // The same functions the devices use, so the partners see the numbers the coordinator sees.
    const participation = computeParticipationForAreas(shops, areas);
    const gradeOf = new Map(grades.map((g) => [g.areaId, g.grade]));

    return {
      public: settings.partnersPublic,
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
