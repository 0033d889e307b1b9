/**
 * Seeded fuzz of the whole sync (SPEC.md R1-R15, see fuzzHarness.ts). `npm test` runs FUZZ_SEEDS
 * seeds (200 by default); `npm run bench` runs more through the same variable. A seed that ever
 * fails is fixed and then kept below as a named regression test.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../support/syncServer';
import { runFuzzSeed, type FuzzUsers } from './fuzzHarness';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 200);
const FIRST = Number(process.env.FUZZ_FIRST_SEED ?? 1);
const STEPS = Number(process.env.FUZZ_STEPS ?? 12);

let server: SyncServer;
let users: FuzzUsers;

beforeAll(async () => {
  server = await startSyncServer();
  users = {
    schouwer: await server.user(['schouwer']),
    beheerder: await server.user(['wijkbeheerder']),
    coordinator: await server.user(['coordinator']),
  };
});
afterAll(() => server?.close());

describe('sync fuzz: three devices converge with the server, no history lost', () => {
  for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
    it(`R1-R15: seed ${seed}`, async () => {
      await server.resetSync();
      await runFuzzSeed(server, users, seed, STEPS);
    });
  }
});
