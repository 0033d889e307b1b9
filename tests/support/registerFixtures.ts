/**
 * Areas and shops of the test municipality and an all-accepted push: the set-up the server's survey
 * and public-summary tests share.
 */
import { expect } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Area } from '../../src/domain/area';
import { newShop, noFlags, type Shop } from '../../src/domain/shop';
import type { Mutation, PushResponse } from '../../src/sync/protocol';
import { square } from './fixtures';
import type { SyncServer, TestUser } from './syncServer';

/** A square area of testdorp with its south-west corner at (lon, lat). */
export const testArea = (id: string, name: string, lon: number, lat: number, kind: Area['kind'] = 'centre'): Area => ({
  municipality: 'testdorp',
  id,
  name,
  kind,
  kvoStatus: 'participating',
  source: 'test',
  geometry: { type: 'Polygon', coordinates: [square(lon, lat)] } as Area['geometry'],
});

/** An open (or closed) shop of testdorp at (lon, lat) with these flags. */
export const testShop = (name: string, lon: number, lat: number, flags: Partial<Shop['flags']> = {}, open = true): Shop =>
  newShop({
    id: uuidv7(),
    municipality: 'testdorp',
    name,
    address: `${name}straat 1`,
    point: { type: 'Point', coordinates: [lon, lat] },
    sector: 'retail',
    open,
    flags: { ...noFlags(), ...flags },
  });

/** Pushes and expects every mutation accepted. */
export async function pushAccepted(server: SyncServer, user: TestUser, mutations: Mutation[]): Promise<void> {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user.headers, payload: { mutations } });
  expect(res.statusCode).toBe(200);
  for (const r of (res.json() as PushResponse).results) expect(r.status).toBe('accepted');
}
