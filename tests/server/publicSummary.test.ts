import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/sync/protocol';
import { pushAccepted, testArea, testShop } from '../support/registerFixtures';
import { TestDevice } from '../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../support/syncServer';
import { tables, testScope } from '../support/syncScope';

let server: SyncServer;
let coordinator: TestUser;
let schouwer: TestUser;

const area = testArea;
const shop = testShop;
const push = (user: TestUser, mutations: Mutation[]) => pushAccepted(server, user, mutations);

const summary = () => server.app.inject({ method: 'GET', url: '/api/public/summary' });

beforeAll(async () => {
  server = await startSyncServer();
  coordinator = await server.user(['coordinator']);
  schouwer = await server.user(['schouwer']);
  await server.store.replaceAreas('testdorp', [area('centrum', 'Centrum', 6.15, 52.25), area('noord', 'Noord', 6.2, 52.27)]);

  // Two findings in Centrum (two themes) and one removed, at points no summary may show.
  const device = new TestDevice(schouwer);
  const inArea = (categoryCode: string, description: string, lon: number) => {
    const { mutation, finding } = device.create({ description });
    mutation.changes = { ...mutation.changes, areaId: 'centrum', categoryCode, point: { type: 'Point', coordinates: [lon, 52.2541] } };
    return { mutation, finding: { ...finding, areaId: 'centrum', categoryCode } };
  };
  const a = inArea('lighting', 'Lantaarnpaal bij de Brink flikkert', 6.1537);
  const b = inArea('graffiti_vandalism', 'Bekladde gevel naast de bakker', 6.1538);
  const c = inArea('lighting', 'Dubbel ingevoerd', 6.1539);
  await push(schouwer, [a.mutation, b.mutation, c.mutation]);
  const [revC] = (await server.store.sync.pull(0, 1000, testScope, tables(['findings']))).records.filter((r) => r.id === c.finding.id).map((r) => r.revision);
  const removed = device.change(c.finding, { kind: 'remove', note: 'dubbel' }, revC ?? null);
  await push(schouwer, [removed.mutation]);

  // Three open shops in Centrum (two in the partnership), one closed one that counts nowhere.
  const office = new TestDevice(coordinator);
  const shops = [
    shop('Bakkerij Zonneveld', 6.1551, 52.2551, { partnershipMember: true, whatsappGroup: true }),
    shop('Slagerij Hendriksen', 6.1552, 52.2552, { partnershipMember: true }),
    shop('Boekhandel Ooievaar', 6.1553, 52.2553, {}),
    shop('Gesloten Kapsalon', 6.1554, 52.2554, { partnershipMember: true }, false),
  ];
  await push(coordinator, shops.map((s) => office.mutation('shops', s.id, { ...s }, [], null)));

  // This year's frozen score for Centrum; last year's for Noord (not shown).
  const year = new Date().getFullYear();
  const cert = (areaId: string, y: number, grade: number) =>
    office.mutation('certifications', `testdorp/${areaId}/${y}`, { id: `testdorp/${areaId}/${y}`, municipality: 'testdorp', areaId, year: y, answers: { q1: true }, frozen: { score: { grade }, shopIds: shops.map((s) => s.id) }, updatedAt: '2026-03-01T00:00:00Z' }, [], null);
  await push(coordinator, [cert('centrum', year, 7.5), cert('noord', year - 1, 9.1)]);
});
afterAll(() => server.close());

describe("partners' summary", () => {
  it('is private (401 without login) until the coordinator makes it public (200)', async () => {
    await server.store.users.updateSettings({ partnersPublic: false });
    expect((await summary()).statusCode).toBe(401);
    await server.store.users.updateSettings({ partnersPublic: true });
    expect((await summary()).statusCode).toBe(200);
  });

  it('counts findings per theme (removed ones left out), participation "2 of 3" per measure and this year\'s grade', async () => {
    await server.store.users.updateSettings({ partnersPublic: true });
    const body = (await summary()).json();
    const centrum = body.areas.find((a: { id: string }) => a.id === 'centrum');
    const noord = body.areas.find((a: { id: string }) => a.id === 'noord');
    expect(centrum.findingsByTheme).toEqual({ sociale_veiligheid: 1, overlast: 1 });
    expect(centrum.participation.open).toBe(3);
    expect(centrum.participation.measures.partnershipMember).toEqual({ taking: 2, open: 3, percent: 67 });
    expect(centrum.participation.measures.whatsappGroup).toEqual({ taking: 1, open: 3, percent: 33 });
    expect(centrum.participation.measures.kvoApp).toEqual({ taking: 0, open: 3, percent: 0 });
    expect(centrum.grade).toBe(7.5);
    expect(noord.findingsByTheme).toEqual({});
    expect(noord.participation.measures.partnershipMember).toEqual({ taking: 0, open: 0, percent: null });
    expect(noord).not.toHaveProperty('grade');
  });

  it('never carries free text, photo hashes, finding points, shop names, addresses or places', async () => {
    await server.store.users.updateSettings({ partnersPublic: true });
    const text = (await summary()).body;
    for (const secret of ['Lantaarnpaal', 'Bekladde', 'Dubbel', 'Lamp kapot', 'dubbel', '6.1537', '6.1538', '52.2541', 'Bakkerij', 'Zonneveld', 'Slagerij', 'Boekhandel', 'Kapsalon', 'straat', '6.1551', '52.2551', 'shopIds', 'answers', 'setup', schouwer.id, coordinator.id]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});
