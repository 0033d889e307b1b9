/**
 * Retention (issue 12): a daily job anonymises what has expired, with a clock passed in (nothing
 * sleeps). Free text and photos of findings closed longer than the policy's years go; what the counts
 * need stays; revisions move so devices pull the anonymised state; each run is recorded.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/finding';
import { RETENTION_MARKER } from '../../../src/domain/retention';
import { runRetention } from '../../../src/server/retention/job';
import { FsPhotoStore } from '../../../src/server/sync/PhotoStore';
import type { Mutation, PullResponse } from '../../../src/sync/protocol';
import { TestDevice } from '../../support/syncMutations';
import { PostgresExecutor } from '../../../src/server/store/PostgresExecutor';
import { openTestSchema } from '../../support/postgres';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

/** The same suite on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (advisory lock, jsonb `?`, identity). */
function retentionSuite(name: string, start: () => Promise<{ server: SyncServer; drop: () => Promise<void> }>): void {
  let drop: () => Promise<void>;
  let server: SyncServer;
  let coordinator: TestUser;
  let schouwer: TestUser;
  let beheerder: TestUser;
  let closed: Finding;
  let open: Finding;
  let closedPhoto: string;
  let openPhoto: string;
  let revisionBefore = 0;

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const at = (iso: string) => () => new Date(iso);

  async function push(user: TestUser, mutations: Mutation[]) {
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user.headers, payload: { mutations } });
    const results = res.json().results as { status: string; revision: number; reason?: string }[];
    expect(results.map((r) => r.reason ?? r.status)).toEqual(mutations.map(() => 'accepted'));
    return results;
  }
  const pull = async (since = 0) => (await server.app.inject({ method: 'GET', url: `/api/sync/pull?since=${since}&limit=1000`, headers: beheerder.headers })).json() as PullResponse;
  async function upload(colour: string) {
    const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: colour } }).jpeg().toBuffer();
    expect((await server.app.inject({ method: 'PUT', url: `/api/photos/${sha(bytes)}`, headers: { ...schouwer.headers, 'content-type': 'image/jpeg' }, payload: bytes })).statusCode).toBe(201);
    return sha(bytes);
  }
  const job = (now: string) => runRetention({ store: server.store, photos: new FsPhotoStore(server.photosDir), municipalities: ['testdorp'], now: at(now) });

  beforeAll(async () => {
    ({ server, drop } = await start());
    coordinator = await server.user(['coordinator'], 'Carla');
    schouwer = await server.user(['schouwer'], 'Sanne');
    beheerder = await server.user(['wijkbeheerder'], 'Wim');
    closedPhoto = await upload('#a00');
    openPhoto = await upload('#0a0');
    const walker = new TestDevice({ id: schouwer.id, roles: schouwer.roles });
    const a = walker.create({ description: 'Mevrouw De Vries op nummer 12 klaagt', photoHashes: [closedPhoto] });
    const b = walker.create({ description: 'Nog open: fietswrak bij Jansen', photoHashes: [openPhoto] });
    const [ra] = await push(schouwer, [a.mutation, b.mutation]);
    // The wijkbeheerder follows up on the first one until it is verified (closed), on 3 March 2026.
    const office = new TestDevice({ id: beheerder.id, roles: beheerder.roles });
    let f = a.finding;
    let base = ra!.revision;
    for (const command of [
      { kind: 'comment', text: 'Gebeld met De Vries, 06-12345678' },
      { kind: 'assign', owner: 'municipality', dueDate: '2026-04-01' },
      { kind: 'fix', note: 'Jan van de buitendienst heeft het gemaakt' },
      { kind: 'verify', note: 'Gezien door Wim' },
    ] as const) {
      const step = office.change(f, command, base);
      const [r] = await push(beheerder, [step.mutation]);
      f = step.finding;
      base = r!.revision;
    }
    closed = f;
    open = b.finding;
    // A respondent's evaluation of 2025: certification details with a person's words.
    const certs = new TestDevice({ id: coordinator.id, roles: coordinator.roles });
    await push(coordinator, [
      certs.mutation('certifications', 'testdorp/2025/police', { id: 'testdorp/2025/police', municipality: 'testdorp', year: 2025, respondent: 'police', answers: {}, evaluation: 'Wijkagent Piet was tevreden', updatedAt: '2026-01-10T10:00:00.000Z' }, [], null),
    ]);
    revisionBefore = (await pull()).revision;
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  describe(`retention job (${name})`, () => {
    it('before the period has passed, nothing changes; the run is recorded with zeros', async () => {
      // The finding closed on 3 March 2026 and the 2025 evaluation are both kept until their period is over.
      const runs = await job('2028-12-31T00:00:00Z');
      expect(runs).toEqual([{ municipality: 'testdorp', ranAt: '2028-12-31T00:00:00.000Z', findings: 0, events: 0, photos: 0, inspections: 0, certifications: 0, worries: 0 }]);
      expect((await pull(revisionBefore)).records).toEqual([]);
    });

    it('after 3 years: text and photos of the closed finding go, counts stay, devices pull the anonymised state', async () => {
      const [run] = await job('2029-03-04T00:00:00Z');
      expect(run).toMatchObject({ findings: 1, photos: 1, certifications: 1 });
      expect(run!.events).toBeGreaterThanOrEqual(3); // the comment, the fix note, the verify note

      const changed = await pull(revisionBefore);
      const record = changed.records.find((r) => r.id === closed.id)!.data as Finding;
      expect(record).toMatchObject({ description: RETENTION_MARKER, fixNote: RETENTION_MARKER, photoHashes: [] });
      // What the scores and counts need is untouched.
      expect(record).toMatchObject({ status: 'verified', categoryCode: closed.categoryCode, areaId: closed.areaId, createdAt: closed.createdAt, createdBy: closed.createdBy, owner: 'municipality', point: closed.point });
      const text = JSON.stringify(changed);
      for (const secret of ['De Vries', '06-12345678', 'Jan van de buitendienst', 'Gezien door Wim', 'Wijkagent Piet', closedPhoto]) expect(text).not.toContain(secret);
      expect(changed.events.filter((e) => e.event.findingId === closed.id).map((e) => e.event.kind)).toEqual(expect.arrayContaining(['comment', 'status_changed']));
      expect(changed.records.find((r) => r.id === 'testdorp/2025/police')!.data).toMatchObject({ evaluation: RETENTION_MARKER, year: 2025 });

      // The photo is gone from the store and from the API; the open finding keeps its own.
      expect((await server.app.inject({ method: 'GET', url: `/api/photos/${closedPhoto}`, headers: beheerder.headers })).statusCode).toBe(404);
      expect(fs.existsSync(`${server.photosDir}/${closedPhoto.slice(0, 2)}/${closedPhoto}`)).toBe(false);
      expect((await server.app.inject({ method: 'GET', url: `/api/photos/${openPhoto}`, headers: beheerder.headers })).statusCode).toBe(200);
      const all = await pull();
      expect(all.records.find((r) => r.id === open.id)!.data).toMatchObject({ description: 'Nog open: fietswrak bij Jansen', photoHashes: [openPhoto] });
    });

    it('runs once a day: a second process the same day skips; the coordinator sees the runs', async () => {
      expect(await job('2029-03-04T06:00:00Z')).toEqual([]);
      const res = await server.app.inject({ method: 'GET', url: '/api/retention', headers: coordinator.headers });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.policy).toEqual({ closedFindingYears: 3, certificationYears: 3 });
      expect(body.runs.map((r: { ranAt: string }) => r.ranAt)).toEqual(['2029-03-04T00:00:00.000Z', '2028-12-31T00:00:00.000Z']);
      expect(body.runs[0]).toMatchObject({ findings: 1, photos: 1 });
      // A second run the next day finds nothing new to do.
      const [next] = await job('2029-03-05T01:00:00Z');
      expect(next).toMatchObject({ findings: 0, events: 0, photos: 0, certifications: 0 });
    });

    it('the coordinator sets the policy; a bad value is 400 naming the field; other roles cannot', async () => {
      const put = (user: TestUser, body: unknown) => server.app.inject({ method: 'PUT', url: '/api/retention', headers: user.headers, payload: body as object });
      const bad = await put(coordinator, { closedFindingYears: 0, certificationYears: 3 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toBe('/closedFindingYears');
      expect((await put(schouwer, { closedFindingYears: 5, certificationYears: 5 })).statusCode).toBe(403);
      const ok = await put(coordinator, { closedFindingYears: 5, certificationYears: 4 });
      expect(ok.json().policy).toEqual({ closedFindingYears: 5, certificationYears: 4 });
      expect((await server.app.inject({ method: 'GET', url: '/api/retention?municipality=elders', headers: coordinator.headers })).statusCode).toBe(404);
    });

    it('worries like findings: a checked worry and a rejected one lose text and photo after the period; one still to check keeps all', async () => {
      const worryPhoto = await upload('#00a');
      const rejectedPhoto = await upload('#aa0');
      const submit = async (id: string, text: string, photoHash: string | null) => {
        await server.store.worries.submit({ id, municipality: 'testdorp', areaId: 'centrum', point: [6.155, 52.255], categoryCode: 'lighting', text, photoHash, linkToken: 'x'.repeat(32), clientKey: 'k' });
      };
      const [checked, rejected, waiting] = ['0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000a2', '0190a000-0000-7000-8000-0000000000a3'];
      await submit(checked!, 'Lamp kapot bij bakkerij Mulder', worryPhoto);
      await submit(rejected!, 'Buurman Kees parkeert altijd fout', rejectedPhoto);
      await submit(waiting!, 'Donker steegje achter de Hema', null);
      await server.store.worries.decide('testdorp', checked!, 'accept', coordinator.id, new Date());
      await server.store.worries.decide('testdorp', rejected!, 'reject', coordinator.id, new Date());
      await server.store.worries.decide('testdorp', waiting!, 'accept', coordinator.id, new Date());
      const at = new Date().toISOString();
      const walker = new TestDevice({ id: schouwer.id, roles: schouwer.roles });
      await push(schouwer, [walker.mutation('worries', checked!, { status: 'dismissed', dismissReason: 'Lamp van Mulder doet het weer', checkedBy: schouwer.id, checkedAt: at, updatedAt: at }, [], null)]);
      const since = (await pull()).revision;

      // The policy is 5 years now: not yet after 4, done after 6.
      expect((await job('2030-12-01T00:00:00Z'))[0]).toMatchObject({ worries: 0 });
      const [run] = await job('2032-12-31T00:00:00Z');
      expect(run).toMatchObject({ worries: 2, photos: 2 });
      const changed = await pull(since);
      expect(changed.records.find((r) => r.id === checked)!.data).toMatchObject({ text: RETENTION_MARKER, dismissReason: RETENTION_MARKER, photoHash: null, status: 'dismissed', categoryCode: 'lighting' });
      expect(changed.records.some((r) => r.id === waiting)).toBe(false);
      const rows = await server.store.worries.list('testdorp');
      expect(rows.find((r) => r.id === rejected)).toMatchObject({ text: RETENTION_MARKER, photoHash: null, state: 'rejected' });
      expect(rows.find((r) => r.id === waiting)).toMatchObject({ text: 'Donker steegje achter de Hema' });
      const everything = JSON.stringify([await pull(), rows]);
      for (const secret of ['Mulder', 'Kees', worryPhoto, rejectedPhoto]) expect(everything).not.toContain(secret);
      for (const hash of [worryPhoto, rejectedPhoto]) expect(fs.existsSync(`${server.photosDir}/${hash.slice(0, 2)}/${hash}`)).toBe(false);
    });
  });
}

retentionSuite('PGlite', async () => ({ server: await startSyncServer(), drop: async () => undefined }));
const url = process.env.TEST_DATABASE_URL;
if (url) {
  retentionSuite('PostgreSQL', async () => {
    const schema = await openTestSchema(url);
    return { server: await startSyncServer(await PostgresExecutor.open(url, { schema: schema.name, max: 4 })), drop: () => schema.drop() };
  });
}
