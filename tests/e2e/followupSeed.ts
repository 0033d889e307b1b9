import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

interface AreaFeature {
  properties: { id: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

/** `count` distinct points inside an area, spread over a grid of its bounding box. */
export function pointsInside(areaId: string, count: number): [number, number][] {
  const geo = JSON.parse(fs.readFileSync(path.resolve('geo/deventer.geojson'), 'utf8')) as { features: AreaFeature[] };
  const area = geo.features.find((f) => f.properties.id === areaId)!;
  const rings = (area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates) as number[][][][];
  const vertices = rings.flat(2) as unknown as number[][];
  const lons = vertices.map((v) => v[0]!);
  const lats = vertices.map((v) => v[1]!);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const inside: [number, number][] = [];
  for (let i = 2; i < 20; i += 3)
    for (let j = 2; j < 20; j += 3) {
      const p: [number, number] = [w + ((e - w) * i) / 20, s + ((n - s) * j) / 20];
      if (booleanPointInPolygon(p, area.geometry as never)) inside.push(p);
    }
  if (inside.length < count) throw new Error(`only ${inside.length} grid points inside ${areaId}`);
  return inside.slice(0, count);
}

export interface SeedFinding {
  id: string;
  areaId: string;
  inspectionId?: string;
  point: [number, number];
  categoryCode: string;
  description: string;
  status: 'open' | 'assigned' | 'in_progress';
  owner: string | null;
  dueDate: string | null;
  withPhoto?: boolean;
}

export interface SeedInspection {
  id: string;
  areaId: string;
  startsAt: string;
}

/**
 * Writes records straight into the app's IndexedDB (the Dexie schema's object stores), as a synced
 * device would have them: findings with their `created` events, an inspection, and a real PNG photo
 * keyed by its SHA-256. The page must have opened the app once, so the database exists.
 */
export async function seedDevice(page: Page, findings: SeedFinding[], inspections: SeedInspection[]): Promise<void> {
  await page.evaluate(
    async ({ findings, inspections }) => {
      const created = '2026-02-01T09:00:00.000Z';
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#2a6';
      ctx.fillRect(0, 0, 64, 48);
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
      const hash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');

      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('schouwkaart');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // Written behind Dexie's back, so the map index (kept by Dexie's middleware) is dropped: the app
      // rebuilds it from the findings, as on a device that never built it.
      const indexed = db.objectStoreNames.contains('mapIndex');
      const tx = db.transaction(['findings', 'findingEvents', 'photos', 'inspections', ...(indexed ? ['mapIndex'] : [])], 'readwrite');
      if (indexed) tx.objectStore('mapIndex').clear();
      tx.objectStore('photos').put({ hash, blob, type: 'image/png', width: 64, height: 48, createdAt: created });
      for (const i of inspections) {
        tx.objectStore('inspections').put({
          ...i,
          municipality: 'deventer',
          participants: [{ organisation: 'police' }, { organisation: 'wijkbeheerder', label: 'J. de Vries' }],
          notes: '',
          status: 'done',
          createdAt: created,
          updatedAt: created,
        });
      }
      for (const f of findings) {
        const { withPhoto, point, ...rest } = f;
        tx.objectStore('findings').put({
          ...rest,
          municipality: 'deventer',
          point: { type: 'Point', coordinates: point },
          severity: 'medium',
          photoHashes: withPhoto ? [hash] : [],
          fixNote: null,
          wontFixReason: null,
          duplicateOf: null,
          createdAt: created,
          createdBy: 'device:schouwteam',
          updatedAt: created,
          removed: false,
        });
        tx.objectStore('findingEvents').put({ id: crypto.randomUUID(), findingId: f.id, at: created, by: 'device:schouwteam', kind: 'created', before: null, after: null, note: null });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { findings, inspections },
  );
}

/** Counts of the stores a follow-up write touches. */
export function storeCounts(page: Page): Promise<{ events: number; outbox: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('schouwkaart');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const out = { events: await count('findingEvents'), outbox: await count('outbox') };
    db.close();
    return out;
  });
}
