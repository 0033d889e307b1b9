/**
 * The first screen's JavaScript (issue 17): what the entry imports statically (the chunks index.html
 * loads before the map and the area list show) holds neither proj4 nor zod nor Dexie. They load with the
 * screens that need them (RD conversion in imports; schemas in editing screens and sync); the device
 * database loads on demand after the area list shows (src/services/loadDb.ts).
 */
import react from '@vitejs/plugin-react';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

type Chunk = Rolldown.OutputChunk;

async function buildChunks(): Promise<Chunk[]> {
  const out = await build({ configFile: false, root: process.cwd(), logLevel: 'silent', plugins: [react()], build: { write: false, manifest: true, target: 'es2022' } });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output).filter((c): c is Chunk => c.type === 'chunk');
}

function staticGraph(chunks: Chunk[]): Chunk[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  // The app's entry (index.html → main.tsx); the shopkeepers' survey page is an entry of its own.
  const entry = chunks.find((c) => c.isEntry && c.moduleIds.some((id) => id.endsWith('/src/main.tsx'))) ?? chunks.find((c) => c.isEntry)!;
  const seen = new Map<string, Chunk>();
  const walk = (c: Chunk) => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const f of c.imports) walk(byFile.get(f)!);
  };
  walk(entry);
  return [...seen.values()];
}

const fromPackage = (ids: string[], pkg: string) => ids.filter((id) => id.includes(`/node_modules/${pkg}/`));

describe('first screen module graph', () => {
  it('the entry and its static imports hold no proj4, no zod and no Dexie; all are in the build for the screens that need them', { timeout: 600_000 }, async () => {
    const chunks = await buildChunks();
    const first = staticGraph(chunks).flatMap((c) => c.moduleIds);
    const all = chunks.flatMap((c) => c.moduleIds);
    expect(first.some((id) => id.endsWith('/src/main.tsx'))).toBe(true);
    expect(fromPackage(first, 'proj4')).toEqual([]);
    expect(fromPackage(first, 'zod')).toEqual([]);
    expect(fromPackage(first, 'dexie')).toEqual([]);
    expect(fromPackage(first, 'dexie-react-hooks')).toEqual([]);
    expect(first.filter((id) => id.endsWith('/src/services/db.ts'))).toEqual([]);
    expect(first.filter((id) => id.endsWith('/src/domain/coordsRd.ts'))).toEqual([]);
    // The control: the same walk over everything finds them, so the check above can fail.
    expect(fromPackage(all, 'proj4').length).toBeGreaterThan(0);
    expect(fromPackage(all, 'zod').length).toBeGreaterThan(0);
    expect(fromPackage(all, 'dexie').length).toBeGreaterThan(0);
    expect(all.filter((id) => id.endsWith('/src/services/db.ts')).length).toBe(1);
    // Issue 16: the trends' charts load when a trends section is opened, never with the first screen.
    const trends = (ids: string[]) => ids.filter((id) => /\/src\/(features\/trends\/(TrendsSection|TrendCharts|Bars)\.tsx|domain\/trends\.ts)$/.test(id));
    expect(trends(first)).toEqual([]);
    expect(trends(all).length).toBe(4);
  });
});
