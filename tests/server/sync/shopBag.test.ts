/**
 * R41: a shop's BAG ids travel with the shop record like its address and point: checked by the server's
 * shop schema, merged field by field, and not removed by a later write that leaves them out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse, PushResponse } from '../../../src/sync/protocol';
import { changedFields } from '../../../src/storage/outbox';
import { noFlags, type Shop } from '../../../src/domain/shop';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';

let server: SyncServer;
let coordinator: TestUser;
beforeAll(async () => {
  server = await startSyncServer();
  coordinator = await server.user(['coordinator'], 'coordinator');
});
afterAll(() => server.close());

const push = async (mutations: Mutation[]) => ((await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: coordinator.headers, payload: { mutations } })).json() as PushResponse).results;
const pulledShop = async (id: string) => {
  const page = (await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0&limit=1000', headers: coordinator.headers })).json() as PullResponse;
  return page.records.find((r) => r.id === id)?.data as Shop | undefined;
};
const bag = { nummeraanduidingId: '0150200000001001', adresseerbaarObjectId: '0150010000001000' };
const shop = (id: string, over: Partial<Shop> = {}): Shop => ({ id, municipality: 'testdorp', name: 'Bakkerij Brink', address: 'Brink 1, 7411BT Deventer', point: { type: 'Point', coordinates: [6.16, 52.25] }, sector: '', open: true, flags: noFlags(), shopChecks: [], visits: [], courses: [], ...over });

describe('R41: shop addresses and BAG ids between devices and server', () => {
  it('R41: a geocoded shop arrives with its BAG ids, and another device pulls them', async () => {
    const device = new TestDevice(coordinator);
    const made = shop('bag-shop-1', { bag });
    const [r] = await push([device.mutation('shops', made.id, changedFields(null, made), [], null)]);
    expect(r).toMatchObject({ status: 'accepted' });
    expect((await pulledShop(made.id))?.bag).toEqual(bag);
  });

  it('R41: a malformed BAG id is refused for that shop with the field, nothing stored', async () => {
    const device = new TestDevice(coordinator);
    const made = shop('bag-shop-2', { bag: { nummeraanduidingId: '12345' } as Shop['bag'] });
    const [r] = await push([device.mutation('shops', made.id, changedFields(null, made), [], null)]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalid_input' });
    expect(JSON.stringify(r)).toMatch(/bag/);
    expect(await pulledShop(made.id)).toBeUndefined();
  });

  it('R41: an edit that leaves the BAG ids out (moved by hand) keeps them; a new lookup replaces them', async () => {
    const device = new TestDevice(coordinator);
    const made = shop('bag-shop-3', { bag });
    const [first] = await push([device.mutation('shops', made.id, changedFields(null, made), [], null)]);
    if (first?.status !== 'accepted') throw new Error('not accepted');
    const { bag: _dropped, ...moved } = { ...made, point: { type: 'Point' as const, coordinates: [6.161, 52.251] as [number, number] } };
    const [second] = await push([device.mutation('shops', made.id, changedFields(made, moved), [], first.revision)]);
    expect(second).toMatchObject({ status: 'accepted' });
    expect(await pulledShop(made.id)).toMatchObject({ bag, point: { coordinates: [6.161, 52.251] } });
    if (second?.status !== 'accepted') throw new Error('not accepted');
    const other = { nummeraanduidingId: '0150200000002012', adresseerbaarObjectId: '0150010000001012' };
    const [third] = await push([device.mutation('shops', made.id, { bag: other, address: 'Brink 12A, 7411BT Deventer' }, [], second.revision)]);
    expect(third).toMatchObject({ status: 'accepted' });
    expect(await pulledShop(made.id)).toMatchObject({ bag: other, address: 'Brink 12A, 7411BT Deventer' });
  });
});
