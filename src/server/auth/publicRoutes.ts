import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/Store';

/**
 * The partners' summary: areas and numbers only. Never photos, free text, names or finding points;
 * the shape is built field by field here, so a new column elsewhere cannot leak into it.
 */
export function registerPublicRoutes(app: FastifyInstance, deps: { store: Store; municipality: string }): void {
  const { store, municipality } = deps;

  app.get('/api/public/summary', async () => {
    const [areas, settings, counts] = await Promise.all([
      store.listAreas(municipality),
      store.users.getSettings(),
      store.countFindingsByAreaAndTheme?.(municipality),
    ]);
    const byArea = new Map<string, Record<string, number>>();
    for (const c of counts ?? []) {
      const themes = byArea.get(c.areaId) ?? {};
      themes[c.theme] = c.count;
      byArea.set(c.areaId, themes);
    }
    return {
      public: settings.partnersPublic,
      // Participation and certification live on the devices until sync carries them; then they join here.
      findingCountsAvailable: counts !== undefined,
      areas: areas.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        kvoStatus: a.kvoStatus,
        geometry: a.geometry,
        ...(counts !== undefined ? { findingsByTheme: byArea.get(a.id) ?? {} } : {}),
      })),
    };
  });
}
