// @vitest-environment happy-dom
/**
 * The device database off the first screen (issue 17): on a first visit the map screen holds it back
 * until its area list shows; a device used before (a remembered config) gets it at once.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_KEY } from '../../src/services/configCache';

type LoadDb = typeof import('../../src/services/loadDb');
const fresh = async (): Promise<LoadDb> => {
  vi.resetModules();
  const m = await import('../../src/services/loadDb');
  // Already compiled and cached, so an unheld loadDb has it within a turn of the event loop.
  await import('../../src/services/db');
  return m;
};
const afterATurn = async <T>(p: Promise<T>): Promise<'settled' | 'waiting'> =>
  Promise.race([p.then(() => 'settled' as const), new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 0))]);

describe('loading the device database after the first screen', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('without a hold it loads at once (the control for the waiting below)', async () => {
    const { loadDb } = await fresh();
    const db = loadDb();
    await afterATurn(db);
    expect(await afterATurn(db)).toBe('settled');
  });

  it('on a first visit it waits until the area list shows, then opens the app database', async () => {
    const { holdDbForFirstScreen, loadDb, releaseDb } = await fresh();
    holdDbForFirstScreen();
    const db = loadDb();
    expect(await afterATurn(db)).toBe('waiting');
    expect(await afterATurn(db)).toBe('waiting');
    releaseDb();
    const opened = await db;
    expect(opened.name).toBe('schouwkaart');
    expect(opened.tables.map((t) => t.name)).toContain('areas');
    expect(await loadDb()).toBe(opened);
  });

  it('on a device used before (a remembered config) it loads at once, held or not', async () => {
    localStorage.setItem(CONFIG_KEY, JSON.stringify({ municipality: { id: 'deventer' }, basemaps: [{ id: 'brt' }] }));
    const { holdDbForFirstScreen, loadDb } = await fresh();
    holdDbForFirstScreen();
    expect((await loadDb()).name).toBe('schouwkaart');
  });

  it('once loading has begun, a later hold does not stop it', async () => {
    const { holdDbForFirstScreen, loadDb } = await fresh();
    const db = loadDb();
    holdDbForFirstScreen();
    expect((await db).name).toBe('schouwkaart');
  });
});
