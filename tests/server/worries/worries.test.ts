/**
 * Worries before the walk (SPEC.md R47, R48): the public link, the shopkeeper's submission (photo
 * stripped as a walk photo is, R18), the rate limits, the coordinator's moderation (R30) and the
 * check on the walk through an ordinary push.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORRY_LIMIT_PER_ADDRESS } from '../../../src/domain/worry';
import type { PushResponse } from '../../../src/sync/protocol';
import { square } from '../../support/fixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { area } from '../store.contract';

let server: SyncServer;
let coordinator: TestUser;
let schouwer: TestUser;
let wijkbeheerder: TestUser;
let otherCoordinator: TestUser;
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  server = await startSyncServer({ others: [{ id: 'elders', name: 'Elders', code: 'GM9998', center: [6.2, 52.25], zoom: 13, boundary: sq(6.1, 52.2) as never, areasFile: 'x', attribution: '' }] });
  coordinator = await server.user(['coordinator']);
  schouwer = await server.user(['schouwer']);
  wijkbeheerder = await server.user(['wijkbeheerder']);
  otherCoordinator = await server.user(['coordinator'], 'elders', 'elders');
  await server.store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never })]);
});
afterAll(() => server?.close());

async function newLink(): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/worry-links', headers: { ...coordinator.headers, ...json }, payload: { areaId: 'noord' } });
  expect(res.statusCode).toBe(201);
  return (res.json() as { link: { token: string } }).link.token;
}

function submit(token: string, extra: Record<string, unknown> = {}, ip = '203.0.113.7') {
  return server.app.inject({
    method: 'POST',
    url: '/api/public/worries',
    remoteAddress: ip,
    headers: json,
    payload: { token, point: [6.205, 52.255], categoryCode: 'lighting', text: 'Donkere steeg achter de bakker', ...extra },
  });
}

const submissions = async () => (await server.store.worries.list('testdorp')).length;

describe('worries: the public link (R47)', () => {
  it('the link names its area and the category table; a renewed link revokes the old one; unknown is a clear 404', async () => {
    const first = await newLink();
    const res = await server.app.inject({ method: 'POST', url: '/api/public/worry-link', headers: json, payload: { token: first } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { area: { name: string }; themes: { categories: { code: string }[] }[] };
    expect(body.area.name).toBe('Noord');
    expect(body.themes.flatMap((t) => t.categories.map((c) => c.code))).toContain('lighting');
    const second = await newLink();
    const old = await server.app.inject({ method: 'POST', url: '/api/public/worry-link', headers: json, payload: { token: first } });
    expect(old.statusCode).toBe(404);
    expect((old.json() as { error: string }).error).toBe('unknown_link');
    const before = await submissions();
    expect((await submit(first)).statusCode).toBe(404);
    expect(await submissions()).toBe(before);
    expect((await server.app.inject({ method: 'POST', url: '/api/public/worry-link', headers: json, payload: { token: second } })).statusCode).toBe(200);
  });

  it('R18 for shopkeepers: the photo is stored without its EXIF and GPS, with thumb and view sizes', async () => {
    const token = await newLink();
    const jpeg = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 200, g: 20, b: 20 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Spion', Model: 'GPS-cam' } })
      .toBuffer();
    expect(jpeg.includes(Buffer.from('Spion'))).toBe(true);
    const res = await submit(token, { photo: jpeg.toString('base64') }, '198.51.100.1');
    expect(res.statusCode).toBe(201);
    const stored = (await server.store.worries.get('testdorp', (res.json() as { id: string }).id))!;
    expect(stored.photoHash).toMatch(/^[0-9a-f]{64}$/);
    const thumb = await server.app.inject({ method: 'GET', url: `/api/worries/${stored.id}/photo?size=thumb`, headers: coordinator.headers });
    expect(thumb.statusCode).toBe(200);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    expect(meta.exif).toBeUndefined();
    const original = await server.app.inject({ method: 'GET', url: `/api/worries/${stored.id}/photo?size=original`, headers: coordinator.headers });
    expect(original.rawPayload.includes(Buffer.from('Spion'))).toBe(false);
    expect((await sharp(original.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('refuses bad input without storing: not an image (415), an unknown category, a place far away, a long text', async () => {
    const token = await newLink();
    const before = await submissions();
    expect((await submit(token, { photo: Buffer.from('not an image at all').toString('base64') }, '198.51.100.2')).statusCode).toBe(415);
    expect((await submit(token, { categoryCode: 'made_up' }, '198.51.100.2')).statusCode).toBe(400);
    expect((await submit(token, { point: [139.69, 35.69] }, '198.51.100.2')).statusCode).toBe(400);
    expect((await submit(token, { text: 'x'.repeat(281) }, '198.51.100.2')).statusCode).toBe(400);
    expect((await submit(token, { text: 'a\u0000b' }, '198.51.100.2')).statusCode).toBe(400);
    expect(await submissions()).toBe(before);
  });

  it(`is rate-limited per client address: the ${WORRY_LIMIT_PER_ADDRESS + 1}th in an hour is 429 and not stored`, async () => {
    const token = await newLink();
    for (let i = 0; i < WORRY_LIMIT_PER_ADDRESS; i++) expect((await submit(token, {}, '192.0.2.44')).statusCode).toBe(201);
    const before = await submissions();
    const refused = await submit(token, {}, '192.0.2.44');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await submissions()).toBe(before);
    expect((await submit(token, {}, '192.0.2.45')).statusCode).toBe(201);
  });
});

describe('worries: moderation (R47, R30) and the check on the walk (R48)', () => {
  it('only a coordinator of the municipality sees and decides; accepting makes a synced record, rejecting does not', async () => {
    const token = await newLink();
    const a = (await submit(token, { text: 'Fietsen blokkeren de nooduitgang' }, '192.0.2.60')).json() as { id: string };
    const b = (await submit(token, { text: 'Reclamebord zomaar' }, '192.0.2.61')).json() as { id: string };
    expect((await server.app.inject({ method: 'GET', url: '/api/worries', headers: schouwer.headers })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/worries', headers: otherCoordinator.headers })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'POST', url: `/api/worries/${a.id}/decision?municipality=elders`, headers: { ...otherCoordinator.headers, ...json }, payload: { decision: 'accept' } })).statusCode).toBe(409);
    const list = (await server.app.inject({ method: 'GET', url: '/api/worries', headers: coordinator.headers })).json() as { worries: { id: string; state: string }[] };
    expect(list.worries.find((w) => w.id === a.id)?.state).toBe('pending');
    const accept = await server.app.inject({ method: 'POST', url: `/api/worries/${a.id}/decision`, headers: { ...coordinator.headers, ...json }, payload: { decision: 'accept' } });
    expect(accept.statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: `/api/worries/${a.id}/decision`, headers: { ...coordinator.headers, ...json }, payload: { decision: 'reject' } })).statusCode).toBe(409);
    expect((await server.app.inject({ method: 'POST', url: `/api/worries/${b.id}/decision`, headers: { ...coordinator.headers, ...json }, payload: { decision: 'reject' } })).statusCode).toBe(200);

    const pulled = (await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0', headers: schouwer.headers })).json() as { records: { table: string; id: string; data: Record<string, unknown> }[] };
    const worries = pulled.records.filter((r) => r.table === 'worries');
    expect(worries.map((w) => w.id)).toContain(a.id);
    expect(worries.map((w) => w.id)).not.toContain(b.id);
    expect(worries.find((w) => w.id === a.id)!.data).toMatchObject({ status: 'accepted', text: 'Fietsen blokkeren de nooduitgang', areaId: 'noord' });
    const elsewhere = (await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0', headers: otherCoordinator.headers })).json() as { records: { table: string }[] };
    expect(elsewhere.records.filter((r) => r.table === 'worries')).toEqual([]);
  });

  it('R48: a schouwer confirms once (linked finding), the text stays; a second check, an edit of the text or a wijkbeheerder is refused', async () => {
    const token = await newLink();
    const { id } = (await submit(token, { text: 'Lamp bij de pinautomaat is stuk' }, '192.0.2.70')).json() as { id: string };
    await server.app.inject({ method: 'POST', url: `/api/worries/${id}/decision`, headers: { ...coordinator.headers, ...json }, payload: { decision: 'accept' } });
    const device = new TestDevice({ id: schouwer.id, roles: ['schouwer'] }, 'testdorp', [6.205, 52.255]);
    const made = device.create({ description: 'Lamp bij de pinautomaat is stuk' }, new Date());
    const at = new Date().toISOString();
    const push = (by: TestUser, mutations: unknown[]) => server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...by.headers, ...json }, payload: { mutations } });
    const check = (d: TestDevice, changes: Record<string, unknown>) => d.mutation('worries', id, changes, [], null);

    const other = new TestDevice({ id: wijkbeheerder.id, roles: ['wijkbeheerder'] });
    const byWijk = (await push(wijkbeheerder, [check(other, { status: 'dismissed', dismissReason: 'nee', checkedBy: wijkbeheerder.id, checkedAt: at, updatedAt: at })])).json() as PushResponse;
    expect(byWijk.results[0]).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role' });

    const edit = (await push(schouwer, [check(device, { text: 'iets anders' })])).json() as PushResponse;
    expect(edit.results[0]).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role', field: '/changes/text' });

    const ok = (await push(schouwer, [made.mutation, check(device, { status: 'confirmed', findingId: made.finding.id, checkedBy: schouwer.id, checkedAt: at, updatedAt: at })])).json() as PushResponse;
    expect(ok.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const record = await server.store.sync.getRecord('worries', id, { testdorp: ['schouwer'] });
    expect(record!.data).toMatchObject({ status: 'confirmed', findingId: made.finding.id, text: 'Lamp bij de pinautomaat is stuk' });

    const again = (await push(schouwer, [check(device, { status: 'dismissed', dismissReason: 'toch niet', checkedBy: schouwer.id, checkedAt: at, updatedAt: at })])).json() as PushResponse;
    expect(again.results[0]).toMatchObject({ status: 'rejected', reason: 'already_checked' });
  });

  it('R48: a dismissal needs a reason; a device cannot make a worry', async () => {
    const token = await newLink();
    const { id } = (await submit(token, {}, '192.0.2.80')).json() as { id: string };
    await server.app.inject({ method: 'POST', url: `/api/worries/${id}/decision`, headers: { ...coordinator.headers, ...json }, payload: { decision: 'accept' } });
    const device = new TestDevice({ id: schouwer.id, roles: ['schouwer'] });
    const at = new Date().toISOString();
    const push = (mutations: unknown[]) => server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, ...json }, payload: { mutations } });
    const noReason = (await push([device.mutation('worries', id, { status: 'dismissed', checkedBy: schouwer.id, checkedAt: at, updatedAt: at }, [], null)])).json() as PushResponse;
    expect(noReason.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid_input', field: '/changes/dismissReason' });
    const made = (await push([device.mutation('worries', '0190a000-0000-7000-8000-000000000001', { municipality: 'testdorp', status: 'accepted' }, [], null)])).json() as PushResponse;
    expect(made.results[0]).toMatchObject({ status: 'rejected', reason: 'not_found' });
    const dismissed = (await push([device.mutation('worries', id, { status: 'dismissed', dismissReason: 'Lamp brandt gewoon', checkedBy: schouwer.id, checkedAt: at, updatedAt: at }, [], null)])).json() as PushResponse;
    expect(dismissed.results[0]!.status).toBe('accepted');
  });
});
