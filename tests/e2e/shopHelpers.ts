// Shops for the survey e2e tests: pushed as one device's new records, the way a coordinator's tablet
// would, so the server's register (and the survey links made from it) holds them.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { newShop } from '../../src/domain/shop';
import { csrf } from './authHelpers';
import { pointInside } from './schouwHelpers';

/** Pushes one open shop per name inside `areaId`, at `${street} 1`, `${street} 2`…; every one accepted. */
export async function pushOpenShops(request: APIRequestContext, names: readonly string[], areaId: string, street: string): Promise<void> {
  const here = pointInside(areaId);
  const clientId = randomUUID();
  const mutations = names.map((name, i) => {
    const id = randomUUID();
    const changes = newShop({ id, municipality: 'deventer', name, address: `${street} ${i + 1}`, point: { type: 'Point', coordinates: [here.lon, here.lat] }, sector: 'detailhandel' });
    return { mutationId: randomUUID(), clientId, seq: i + 1, table: 'shops', recordId: id, baseRevision: null, changes, events: [] };
  });
  const res = await request.post('/api/sync/push', { headers: csrf, data: { mutations } });
  expect(res.status()).toBe(200);
  for (const r of ((await res.json()) as { results: { status: string }[] }).results) expect(r.status).toBe('accepted');
}
