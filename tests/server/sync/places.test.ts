/**
 * Issue 12, defects 7 and 8: where a finding lies, which area it is in and which category it has are
 * the server's to check (R25); a walk keeps its planner (R26).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITY_TOLERANCE_M } from '../../../src/domain/place';
import type { Mutation, PushResponse } from '../../../src/sync/protocol';
import { square } from '../../support/fixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { area } from '../store.contract';
import { testScope } from '../../support/syncScope';

let server: SyncServer;
let schouwer: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
  coordinator = await server.user(['coordinator']);
  // testdorp's boundary runs from 6.1 to 6.3 east and 52.2 to 52.3 north; one area in it.
  await server.store.replaceAreas('testdorp', [area('testdorp', 'centrum', { name: 'Centrum', geometry: { type: 'Polygon', coordinates: [square(6.15, 52.25)] } as never })]);
});
afterAll(() => server.close());

async function push(user: TestUser, mutations: Mutation[]) {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user.headers, payload: { mutations } });
  expect(res.statusCode).toBe(200);
  return (res.json() as PushResponse).results;
}

function findingAt(lon: number, lat: number, extra: Record<string, unknown> = {}) {
  const m = new TestDevice(schouwer).create().mutation;
  Object.assign(m.changes as Record<string, unknown>, { point: { type: 'Point', coordinates: [lon, lat] }, ...extra });
  return m;
}

// Metres east of the boundary's east edge (6.3) at 52.25 north, as degrees of longitude.
const eastOfBoundary = (metres: number) => 6.3 + metres / (111_320 * Math.cos((52.25 * Math.PI) / 180));

describe('R25: places and codes', () => {
  it('a finding pinned in Tokyo is rejected outside_municipality, and nothing is stored', async () => {
    const m = findingAt(139.69, 35.69, { areaId: 'binnenstad' });
    const [r] = await push(schouwer, [m]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'outside_municipality', field: '/changes/point' });
    expect(await server.store.sync.getRecord('findings', m.recordId, testScope)).toBeNull();
  });

  it(`a finding just outside the boundary (within ${MUNICIPALITY_TOLERANCE_M} m) is accepted; one beyond it is not`, async () => {
    const near = findingAt(eastOfBoundary(MUNICIPALITY_TOLERANCE_M - 300), 52.25);
    const far = findingAt(eastOfBoundary(MUNICIPALITY_TOLERANCE_M + 300), 52.25);
    const [a] = await push(schouwer, [near]);
    const [b] = await push(schouwer, [far]);
    expect(a!.status).toBe('accepted');
    expect(b).toMatchObject({ status: 'rejected', reason: 'outside_municipality' });
  });

  it('the area comes from the point on the server: a device saying "binnenstad" is corrected', async () => {
    const inArea = findingAt(6.155, 52.255, { areaId: 'binnenstad' });
    const outside = findingAt(6.25, 52.21, { areaId: 'centrum' });
    const [a, b] = await push(schouwer, [inArea, outside]);
    expect(a).toMatchObject({ status: 'accepted', record: { data: { areaId: 'centrum' } } });
    expect(b).toMatchObject({ status: 'accepted', record: { data: { areaId: null } } });
  });

  it('R30: a finding for a municipality the person holds no roles in (here one the server does not serve) is rejected and not stored', async () => {
    const m = findingAt(6.16, 52.25, { municipality: 'westland' });
    const [r] = await push(schouwer, [m]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_municipality', field: 'municipality' });
    expect(await server.store.sync.getRecord('findings', m.recordId, testScope)).toBeNull();
  });

  it('an unknown category code is rejected unknown_category and not counted anywhere', async () => {
    const m = findingAt(6.16, 52.25, { categoryCode: 'made_up_code' });
    const [r] = await push(schouwer, [m]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'unknown_category', field: '/changes/categoryCode' });
    expect(await server.store.sync.getRecord('findings', m.recordId, testScope)).toBeNull();
  });
});

function inspection(id: string, createdBy: string | undefined) {
  return {
    id,
    municipality: 'testdorp',
    areaId: 'centrum',
    startsAt: '2026-04-01T10:00',
    participants: [{ organisation: 'police' }],
    notes: 'Verzamelen bij de kerk',
    status: 'planned',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...(createdBy ? { createdBy } : {}),
    updatedAt: '2026-03-01T10:00:00.000Z',
  };
}

describe('R26: a walk keeps its planner', () => {
  it("a schouwer cannot change the coordinator's plan nor take it over, but may walk it", async () => {
    const id = crypto.randomUUID();
    const planner = new TestDevice(coordinator);
    const [made] = await push(coordinator, [planner.mutation('inspections', id, inspection(id, coordinator.id), [], null)]);
    expect(made!.status).toBe('accepted');
    const rev = made!.status === 'accepted' ? made!.revision : 0;

    const other = new TestDevice(schouwer);
    const [notes, takeover, start] = await push(schouwer, [
      other.mutation('inspections', id, { notes: 'Mijn route', updatedAt: '2026-03-02T10:00:00.000Z' }, [], rev),
      other.mutation('inspections', id, { createdBy: schouwer.id }, [], rev),
      other.mutation('inspections', id, { status: 'walking', walkStartedAt: '2026-04-01T10:05:00.000Z', updatedAt: '2026-04-01T10:05:00.000Z' }, [], rev),
    ]);
    expect(notes).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role', field: '/changes/notes' });
    expect(takeover).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role', field: '/changes/createdBy' });
    expect(start!.status).toBe('accepted');
    const stored = await server.store.sync.getRecord('inspections', id, testScope);
    expect(stored?.data).toMatchObject({ notes: 'Verzamelen bij de kerk', createdBy: coordinator.id, status: 'walking' });
  });

  it('a walk made with another planner than the one pushing is refused; one without gets the pusher', async () => {
    const device = new TestDevice(schouwer);
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const [forged, plain] = await push(schouwer, [device.mutation('inspections', a, inspection(a, coordinator.id), [], null), device.mutation('inspections', b, inspection(b, undefined), [], null)]);
    expect(forged).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role', field: '/changes/createdBy' });
    expect(plain).toMatchObject({ status: 'accepted', record: { data: { createdBy: schouwer.id } } });
  });

  it('the coordinator may still change a schouwer’s plan, but not its planner', async () => {
    const id = crypto.randomUUID();
    const [made] = await push(schouwer, [new TestDevice(schouwer).mutation('inspections', id, inspection(id, schouwer.id), [], null)]);
    const rev = made!.status === 'accepted' ? made!.revision : 0;
    const c = new TestDevice(coordinator);
    const [notes, takeover] = await push(coordinator, [c.mutation('inspections', id, { notes: 'Andere route' }, [], rev), c.mutation('inspections', id, { createdBy: coordinator.id }, [], rev)]);
    expect(notes!.status).toBe('accepted');
    expect(takeover).toMatchObject({ status: 'rejected', field: '/changes/createdBy' });
  });
});
