/** The SyncStore contract (SPEC.md R6, R9, R10, R12, R14, R30), run on PGlite and on PostgreSQL. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Decision, MutationMeta, StoredRecord, SyncStore } from '../../src/server/store/SyncStore';
import { scopeOf, tables } from '../support/syncScope';

export interface SyncStoreFixture {
  sync: SyncStore;
  dispose(): Promise<void>;
}

let n = 0;
function meta(recordId: string, over: Partial<MutationMeta> = {}): MutationMeta {
  n++;
  return { mutationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, clientId: 'c1', seq: n, actorId: 'u1', contentHash: `h${n}`, table: 'findings', recordId, municipality: 'm1', ...over };
}

/** A decision that sets fields on the record (merging with what is there) and adds events. */
const setFields =
  (fields: Record<string, unknown>, events: string[] = []) =>
  (current: StoredRecord | null): Decision => ({
    kind: 'write',
    write: { data: { municipality: 'm1', ...current?.data, ...fields }, changed: Object.keys(fields), conflicts: [], events: events.map((id) => ({ id, data: { id } })) },
  });

const M1 = scopeOf('m1');
const findingsOnly = tables(['findings']);

export function syncStoreContract(name: string, open: () => Promise<SyncStoreFixture>): void {
  describe(`SyncStore contract: ${name}`, () => {
    const fixtures: SyncStoreFixture[] = [];
    const fresh = async () => {
      const f = await open();
      fixtures.push(f);
      return f.sync;
    };
    afterEach(async () => {
      await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
    });

    it('R9/R14: a write stores the record after its events, each with its own increasing revision', async () => {
      const sync = await fresh();
      const { result } = await sync.applyMutation(meta('f1'), M1, setFields({ a: 1 }, ['e1', 'e2']));
      if (result.status !== 'accepted') throw new Error('not accepted');
      const page = await sync.pull(0, 100, M1, findingsOnly);
      const revisions = [...page.events.map((e) => e.revision), ...page.records.map((r) => r.revision)];
      expect(new Set(revisions).size).toBe(3);
      expect(page.records[0]!.revision).toBe(result.revision);
      expect(Math.max(...page.events.map((e) => e.revision))).toBeLessThan(result.revision);
    });

    it('R6: a mutation decided once is not decided again; its stored answer comes back', async () => {
      const sync = await fresh();
      const m = meta('f2');
      const first = await sync.applyMutation(m, M1, setFields({ a: 1 }, ['e3']));
      let called = 0;
      const second = await sync.applyMutation(m, M1, (c) => {
        called++;
        return setFields({ a: 2 })(c);
      });
      expect(called).toBe(0);
      expect(second).toEqual(first);
      expect((await sync.getRecord('findings', 'f2', M1))?.data).toEqual({ municipality: 'm1', a: 1 });
      expect((await sync.findMutations([m.mutationId])).get(m.mutationId)).toEqual({ contentHash: m.contentHash, result: first.result });
    });

    it('R6: the same mutation pushed twice at once is applied once', async () => {
      const sync = await fresh();
      const m = meta('f3');
      const [a, b] = await Promise.all([sync.applyMutation(m, M1, setFields({ a: 1 }, ['e4'])), sync.applyMutation(m, M1, setFields({ a: 1 }, ['e4']))]);
      expect(a.result).toEqual(b.result);
      const page = await sync.pull(0, 100, M1, findingsOnly);
      expect(page.records).toHaveLength(1);
      expect(page.events).toHaveLength(1);
    });

    it('R12: two mutations on one record at once both keep their field (the record is locked while deciding)', async () => {
      const sync = await fresh();
      await sync.applyMutation(meta('f4'), M1, setFields({ a: 0, b: 0 }));
      await Promise.all([sync.applyMutation(meta('f4'), M1, setFields({ a: 1 })), sync.applyMutation(meta('f4', { clientId: 'c2' }), M1, setFields({ b: 2 }))]);
      const r = await sync.getRecord('findings', 'f4', M1);
      expect(r?.data).toEqual({ municipality: 'm1', a: 1, b: 2 });
      expect(r?.fieldWriters.b).toEqual({ c: 'c2', a: 'u1' });
      expect(r?.fieldRevisions.a).not.toBe(r?.fieldRevisions.b);
    });

    it('R5: a rejection stores the answer and nothing else', async () => {
      const sync = await fresh();
      const { result } = await sync.applyMutation(meta('f5'), M1, () => ({ kind: 'reject', reason: 'not_allowed_for_role' }));
      expect(result).toEqual({ status: 'rejected', reason: 'not_allowed_for_role' });
      expect(await sync.getRecord('findings', 'f5', M1)).toBeNull();
      expect((await sync.pull(0, 100, M1, findingsOnly)).count).toBe(0);
    });

    it('R10: pull pages in revision order, only the kinds asked for, latest version once', async () => {
      const sync = await fresh();
      for (let i = 0; i < 7; i++) await sync.applyMutation(meta(`p${i}`), M1, setFields({ i }, [`pe${i}`]));
      await sync.applyMutation(meta('p0'), M1, setFields({ i: 'again' }));
      await sync.applyMutation(meta('s1', { table: 'shops' }), M1, setFields({ shop: true }));
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const page = await sync.pull(after, 4, M1, findingsOnly);
        const revs = [...page.records.map((r) => r.revision), ...page.events.map((e) => e.revision)].sort((a, b) => a - b);
        seen.push(...revs);
        if (page.count < 4) break;
        after = page.last;
      }
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen).toHaveLength(14); // 7 records (p0 once, in its latest version) + 7 events; no shop
      const p0 = (await sync.pull(0, 100, M1, findingsOnly)).records.find((r) => r.id === 'p0');
      expect(p0?.data).toEqual({ municipality: 'm1', i: 'again' });
    });

    it('R39: folded, the pull leaves out the creation events and keeps every other event, pages still in revision order', async () => {
      const sync = await fresh();
      const kinds = (kind: string) => (current: StoredRecord | null): Decision => {
        const d = setFields({ k: kind }, [])(current);
        if (d.kind !== 'write') return d;
        return { ...d, write: { ...d.write, events: [{ id: `${kind}-${n}`, data: { id: `${kind}-${n}`, kind } }] } };
      };
      for (let i = 0; i < 5; i++) {
        await sync.applyMutation(meta(`c${i}`), M1, kinds('created'));
        await sync.applyMutation(meta(`c${i}`), M1, kinds('comment'));
      }
      const all = await sync.pull(0, 100, M1, findingsOnly);
      expect(all.events.map((e) => (e.event as unknown as { kind: string }).kind).filter((k) => k === 'created')).toHaveLength(5);
      const seen: { kind: string; revision: number }[] = [];
      let records = 0;
      for (let after = 0; ; ) {
        const page = await sync.pull(after, 3, M1, findingsOnly, { foldCreated: true });
        seen.push(...page.events.map((e) => ({ kind: (e.event as unknown as { kind: string }).kind, revision: e.revision })));
        records += page.records.length;
        if (page.count < 3) break;
        after = page.last;
      }
      expect(records).toBe(5);
      expect(seen.map((e) => e.kind)).toEqual(Array(5).fill('comment'));
      expect(seen.map((e) => e.revision)).toEqual(all.events.filter((e) => (e.event as unknown as { kind: string }).kind === 'comment').map((e) => e.revision));
      const text = await sync.pullJson(0, 100, M1, findingsOnly, { foldCreated: true });
      expect((JSON.parse(text.events) as { event: { kind: string } }[]).map((e) => e.event.kind)).toEqual(Array(5).fill('comment'));
    });

    it('R17: a photo is recorded once', async () => {
      const sync = await fresh();
      const photo = { sha256: 'a'.repeat(64), size: 10, mime: 'image/jpeg', storedBy: 'u1' };
      expect(await sync.addPhoto(photo)).toBe(true);
      expect(await sync.addPhoto({ ...photo, size: 99 })).toBe(false);
      expect(await sync.getPhotoMeta(photo.sha256, { actorId: 'u1', municipalities: [] })).toEqual({ size: 10, mime: 'image/jpeg' });
      expect(await sync.hasPhoto(photo.sha256)).toBe(true);
      expect(await sync.hasPhoto('b'.repeat(64))).toBe(false);
    });

    it('R30: a record of another municipality is not pulled, not read and not written; its decision is never asked', async () => {
      const sync = await fresh();
      await sync.applyMutation(meta('w1', { municipality: 'm2' }), scopeOf('m2'), setFields({ municipality: 'm2', secret: 'westland' }, ['we1']));
      await sync.applyMutation(meta('d1'), M1, setFields({ a: 1 }, ['de1']));
      const page = await sync.pull(0, 100, M1, findingsOnly);
      expect(page.records.map((r) => r.id)).toEqual(['d1']);
      expect(page.events.map((e) => (e.event as unknown as { id: string }).id)).toEqual(['de1']);
      expect(await sync.getRecord('findings', 'w1', M1)).toBeNull();
      let asked = 0;
      const decideSpy = (current: StoredRecord | null): Decision => {
        asked++;
        return setFields({ secret: 'overwritten' })(current);
      };
      const edit = await sync.applyMutation(meta('w1'), M1, decideSpy);
      expect(edit.result).toEqual({ status: 'rejected', reason: 'not_allowed_for_municipality', field: 'municipality' });
      const claim = await sync.applyMutation(meta('w2', { municipality: 'm2' }), M1, decideSpy);
      expect(claim.result).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_municipality' });
      expect(asked).toBe(0);
      expect((await sync.getRecord('findings', 'w1', scopeOf('m2')))?.data).toMatchObject({ secret: 'westland' });
      expect(await sync.getRecord('findings', 'w2', scopeOf('m1', 'm2'))).toBeNull();
    });

    it('R30: a write may not move a record to another municipality, even one the actor belongs to', async () => {
      const sync = await fresh();
      const both = scopeOf('m1', 'm2');
      await sync.applyMutation(meta('mv'), both, setFields({ a: 1 }));
      const moved = await sync.applyMutation(meta('mv'), both, setFields({ municipality: 'm2' }));
      expect(moved.result).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_municipality' });
      expect((await sync.getRecord('findings', 'mv', both))?.municipality).toBe('m1');
    });

    it('R30/R16: pull gives per municipality only the tables the roles held there may read; decide gets those roles', async () => {
      const sync = await fresh();
      const seenRoles: string[][] = [];
      const remember = (fields: Record<string, unknown>) => (c: StoredRecord | null, _r: number, roles: readonly string[]) => {
        seenRoles.push([...roles]);
        return setFields(fields)(c);
      };
      const scope = { m1: ['schouwer'], m2: ['coordinator'] } as const;
      await sync.applyMutation(meta('s1', { table: 'shops' }), scope, remember({}));
      await sync.applyMutation(meta('s2', { table: 'shops', municipality: 'm2' }), scope, remember({ municipality: 'm2' }));
      await sync.applyMutation(meta('f1'), scope, remember({}));
      expect(seenRoles).toEqual([['schouwer'], ['coordinator'], ['schouwer']]);
      // A rule like "schouwers read findings only, coordinators everything".
      const tablesFor = (roles: readonly string[]) => (roles.includes('coordinator') ? (['findings', 'shops'] as const) : (['findings'] as const));
      const page = await sync.pull(0, 100, scope, tablesFor);
      expect(page.records.map((r) => `${r.table}/${r.id}`).sort()).toEqual(['findings/f1', 'shops/s2']);
    });

    it('R30: a photo is visible to its uploader and to members of a municipality whose finding lists it, to nobody else', async () => {
      const sync = await fresh();
      const hash = 'c'.repeat(64);
      await sync.addPhoto({ sha256: hash, size: 5, mime: 'image/png', storedBy: 'westlander' });
      expect(await sync.getPhotoMeta(hash, { actorId: 'westlander', municipalities: [] })).not.toBeNull();
      expect(await sync.getPhotoMeta(hash, { actorId: 'deventenaar', municipalities: ['m1'] })).toBeNull();
      await sync.applyMutation(meta('wf', { municipality: 'm2' }), scopeOf('m2'), setFields({ municipality: 'm2', photoHashes: [hash] }));
      expect(await sync.getPhotoMeta(hash, { actorId: 'deventenaar', municipalities: ['m1'] })).toBeNull();
      expect(await sync.getPhotoMeta(hash, { actorId: 'collega', municipalities: ['m2'] })).toEqual({ size: 5, mime: 'image/png' });
    });
  });
}
