import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PhotoStore } from '../../../src/server/sync/PhotoStore';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What every photo store promises (R17): the folder and the S3 bucket run the same cases. */
export function photoStoreContract(
  name: string,
  open: () => Promise<PhotoStore>,
  /**
   * Whether this run can check that readers never see half an upload. The folder store guarantees it
   * itself (write, then rename). On S3 it is the service's PUT semantics (an object appears whole when
   * its PUT completes, in S3 and MinIO alike); s3rver, the local stand-in, writes in place, so the case
   * would test the stand-in, not the store.
   */
  options: { checksAtomicVisibility: boolean } = { checksAtomicVisibility: true },
): void {
  describe(`PhotoStore contract: ${name}`, () => {
    it('a photo put by its hash comes back byte for byte', async () => {
      const store = await open();
      const bytes = Buffer.from(`photo ${name} ${Math.random()}`);
      await store.put(sha(bytes), bytes);
      expect(await store.get(sha(bytes))).toEqual(bytes);
    });

    it('a missing photo is null (the route answers 404), its sizes too', async () => {
      const store = await open();
      const missing = sha(Buffer.from(`never stored ${Math.random()}`));
      expect(await store.get(missing)).toBeNull();
      expect(await store.get(`${missing}.thumb`)).toBeNull();
      expect(await store.get(`${missing}.view`)).toBeNull();
    });

    it('putting the same hash twice is idempotent: one object, the same bytes', async () => {
      const store = await open();
      const bytes = Buffer.from(`twice ${Math.random()}`);
      await store.put(sha(bytes), bytes);
      await store.put(sha(bytes), bytes);
      expect(await store.get(sha(bytes))).toEqual(bytes);
      const keys: string[] = [];
      for await (const k of store.list()) if (k === sha(bytes)) keys.push(k);
      expect(keys).toEqual([sha(bytes)]);
    });

    it('sizes are stored beside the original under <hash>.<size> and listed', async () => {
      const store = await open();
      const bytes = Buffer.from(`original ${Math.random()}`);
      const h = sha(bytes);
      await store.put(h, bytes);
      await store.put(`${h}.thumb`, Buffer.from('small'));
      await store.put(`${h}.view`, Buffer.from('medium'));
      expect((await store.get(`${h}.thumb`))!.toString()).toBe('small');
      const listed: string[] = [];
      for await (const k of store.list()) if (k.startsWith(h)) listed.push(k);
      expect(listed.sort()).toEqual([h, `${h}.thumb`, `${h}.view`]);
    });

    it.runIf(options.checksAtomicVisibility)('a reader during a large upload sees nothing or the whole photo, never part of it', async () => {
      const store = await open();
      const bytes = Buffer.alloc(4 * 1024 * 1024, 7);
      bytes.write(`big ${Math.random()}`);
      const h = sha(bytes);
      const seen: (number | null)[] = [];
      const upload = store.put(h, bytes);
      for (let i = 0; i < 20; i++) {
        const got = await store.get(h);
        seen.push(got ? got.length : null);
      }
      await upload;
      expect(seen.every((n) => n === null || n === bytes.length)).toBe(true);
      expect((await store.get(h))!.equals(bytes)).toBe(true);
    });

    it('a removed photo is gone and no longer listed', async () => {
      const store = await open();
      const bytes = Buffer.from(`to remove ${Math.random()}`);
      await store.put(sha(bytes), bytes);
      await store.remove(sha(bytes));
      expect(await store.get(sha(bytes))).toBeNull();
      for await (const k of store.list()) expect(k).not.toBe(sha(bytes));
    });
  });
}
