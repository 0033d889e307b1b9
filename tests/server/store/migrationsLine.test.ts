// Issue 15: the start-up line about migrations (one line each for database, photo store, migrations).
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrationsLine, type MigrationOutcome } from '../../../src/server/store/migrate';
import { SqlStore } from '../../../src/server/store/SqlStore';
import { freshPglite, freshStore } from '../../support/pglite';

describe('Migrations start-up line', () => {
  const cases: [string, MigrationOutcome, string][] = [
    ['nothing new', { known: 16, applied: [] }, 'Migrations: 16 applied, up to date'],
    ['two new', { known: 16, applied: ['040_x.sql', '041_y.sql'] }, 'Migrations: 14 applied, 2 new (040_x, 041_y)'],
    ['exactly five new', { known: 5, applied: ['001_a.sql', '002_b.sql', '003_c.sql', '004_d.sql', '005_e.sql'] }, 'Migrations: 0 applied, 5 new (001_a, 002_b, 003_c, 004_d, 005_e)'],
    ['a fresh database', { known: 7, applied: ['001_a.sql', '002_b.sql', '003_c.sql', '004_d.sql', '005_e.sql', '006_f.sql', '007_g.sql'] }, 'Migrations: 0 applied, 7 new (001_a, 002_b, 003_c, 004_d, 005_e and 2 more)'],
  ];
  it.each(cases)('%s', (_name, outcome, line) => {
    expect(migrationsLine(outcome)).toBe(line);
  });

  it('the store says what it applied: everything on a fresh database, nothing the second time', async () => {
    const all = loadMigrations();
    const store = new SqlStore(await freshPglite());
    try {
      const first = await store.migrate();
      expect(first).toEqual({ known: all.length, applied: all.map((m) => m.name) });
      expect(migrationsLine(first)).toMatch(/^Migrations: 0 applied, \d+ new \(001_areas, /);
      const second = await store.migrate();
      expect(second).toEqual({ known: all.length, applied: [] });
      expect(migrationsLine(second)).toBe(`Migrations: ${all.length} applied, up to date`);
    } finally {
      await store.close();
    }
  });

  it('a migrated store migrates nothing', async () => {
    const store = await freshStore();
    try {
      expect((await store.migrate()).applied).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
