// In-page parts of the map bench (tests/bench/mapFrames.ts): the seeded findings, written into the
// app's own IndexedDB, the two baseline pages (plain Leaflet canvas markers, a supercluster layer)
// built from the same points, and the frame recorder. Page code is kept as strings: tsx adds helper
// names to compiled functions that do not exist inside the page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Binnenstad's bounding box: every seeded finding is one of its previous findings on a walk. */
export const AREA = { id: 'binnenstad', w: 6.1546, e: 6.1634, s: 52.2493, n: 52.2558 };
export const EARLIER_INSPECTION = '0190f5a0-0000-7000-8000-000000000001';

/** The same pseudo-random points in every page (a seeded generator), as `points(n)` → [lon, lat][]. */
const POINTS_JS = `function benchPoints(n) {
  let s = 12345;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const out = [];
  for (let i = 0; i < n; i++) out.push([${AREA.w} + r() * ${AREA.e - AREA.w}, ${AREA.s} + r() * ${AREA.n - AREA.s}]);
  return out;
}`;

/**
 * Writes `n` open findings (themes and statuses mixed, a third of them overdue) and the earlier
 * inspection they came from into the app's IndexedDB, as a synced device holds them. The app must
 * have opened once, so Dexie has made its stores.
 */
export async function seedFindings(page: Page, n: number): Promise<void> {
  await page.evaluate(`(async () => {
    ${POINTS_JS}
    const codes = ['lighting', 'graffiti_vandalism', 'escape_routes', 'parking', 'waste', 'loitering_spot', 'containers', 'bollards'];
    const statuses = ['open', 'assigned', 'in_progress'];
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('schouwkaart');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    // Written behind Dexie's back, so the map index (kept by Dexie's middleware) is dropped: the app
    // rebuilds it from the findings, as on a device that never built it.
    const indexed = db.objectStoreNames.contains('mapIndex');
    const tx = db.transaction(['findings', 'inspections', ...(indexed ? ['mapIndex'] : [])], 'readwrite');
    if (indexed) tx.objectStore('mapIndex').clear();
    const at = '2025-10-01T18:00:00.000Z';
    tx.objectStore('inspections').put({ id: '${EARLIER_INSPECTION}', municipality: 'deventer', areaId: '${AREA.id}', startsAt: '2025-10-01T19:30',
      participants: [{ organisation: 'police' }], notes: '', status: 'done', createdAt: at, updatedAt: at });
    const pts = benchPoints(${n});
    const store = tx.objectStore('findings');
    for (let i = 0; i < pts.length; i++) {
      const status = statuses[i % 3];
      const hex = i.toString(16).padStart(12, '0');
      store.put({
        id: '0190f5a0-0000-7000-8000-' + hex, municipality: 'deventer', areaId: '${AREA.id}', inspectionId: '${EARLIER_INSPECTION}',
        point: { type: 'Point', coordinates: pts[i] }, categoryCode: codes[i % codes.length], description: 'Bevinding ' + i, severity: 'low', photoHashes: [],
        owner: status === 'open' ? null : 'municipality', dueDate: status === 'open' ? null : (i % 2 ? '2025-12-01' : '2099-12-01'),
        status, fixNote: null, wontFixReason: null, duplicateOf: null, createdAt: at, createdBy: 'bench', updatedAt: at, removed: false,
      });
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })()`);
}

const BASELINE_ORIGIN = 'http://baseline.bench';
const nm = (p: string) => fs.readFileSync(path.resolve('node_modules', p), 'utf8');

/**
 * Serves the two baseline pages on a made-up origin: the map takes the same place as the app's map
 * beside a 440 px sidebar, on the same local tile server as the app run.
 * `plain`: every point an L.circleMarker on one canvas. `cluster`: supercluster, redrawn on moveend.
 */
export async function routeBaselines(page: Page, n: number, tileUrl: string): Promise<{ plain: string; cluster: string }> {
  const leafletJs = nm('leaflet/dist/leaflet.js');
  const leafletCss = nm('leaflet/dist/leaflet.css');
  const superclusterJs = nm('supercluster/dist/supercluster.min.js');
  const shell = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><style>${leafletCss}
    html, body { margin: 0; height: 100%; } .side { position: absolute; left: 0; top: 0; bottom: 0; width: 440px; }
    .map { position: absolute; left: 440px; right: 0; top: 56px; bottom: 0; }</style></head>
    <body><div class="side"></div><div class="map" id="map"></div>
    <script>${leafletJs}</script><script>${superclusterJs}</script>
    <script>${POINTS_JS}
      const map = L.map('map', { preferCanvas: true, maxZoom: 19 });
      document.getElementById('map').leafletMap = map;
      const pts = benchPoints(${n});
      L.tileLayer(${JSON.stringify(tileUrl)}, { maxZoom: 19 }).addTo(map);
      map.fitBounds(pts.map((p) => [p[1], p[0]]), { padding: [40, 40], maxZoom: 17 });
      const renderer = L.canvas({ padding: 0.5 });
      ${body}
      requestAnimationFrame(() => performance.mark('schouwkaart:findings-drawn', { detail: { findings: pts.length } }));
    </script></body></html>`;
  const plain = shell(`const colours = ['#0077BB', '#EE7733', '#009988', '#CC3311'];
      pts.forEach((p, i) => L.circleMarker([p[1], p[0]], { renderer, radius: 8, color: '#fff', weight: 2, fillColor: colours[i % 4], fillOpacity: 1 }).addTo(map));`);
  const cluster = shell(`const index = new Supercluster({ radius: 40, maxZoom: 19 }).load(pts.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: {} })));
      const group = L.layerGroup().addTo(map);
      const draw = () => {
        group.clearLayers();
        const b = map.getBounds().pad(0.25);
        for (const f of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom())) {
          const [lon, lat] = f.geometry.coordinates;
          const n = f.properties.point_count || 1;
          group.addLayer(L.circleMarker([lat, lon], { renderer, radius: 10 + Math.log10(n) * 5, color: '#333', weight: 2, fillColor: '#0077BB', fillOpacity: 1 }));
        }
      };
      map.on('moveend', draw);
      draw();`);
  await page.route(`${BASELINE_ORIGIN}/**`, (route) => {
    const which = new URL(route.request().url()).pathname.slice(1);
    return route.fulfill({ contentType: 'text/html', body: which === 'cluster' ? cluster : plain });
  });
  return { plain: `${BASELINE_ORIGIN}/plain`, cluster: `${BASELINE_ORIGIN}/cluster` };
}

/**
 * Pans and zooms the map in the page as a finger does, through Leaflet itself: eight pans of 300 px
 * (each `panBy` animated over 0.4 s, its frames drawn as they come), a flyTo across the area, and
 * zooming in and out by two levels, waiting for each to end. Returns the time between animation
 * frames over the whole gesture, from requestAnimationFrame.
 */
export async function gesture(page: Page): Promise<number[]> {
  return (await page.evaluate(`(async () => {
    const map = document.querySelector('.map').leafletMap;
    const frames = [];
    let on = true;
    let last = performance.now();
    const tick = (t) => { if (!on) return; frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const ended = (type) => new Promise((resolve) => map.once(type, () => setTimeout(resolve, 50)));
    const pans = [[300, 0], [0, 200], [-300, 0], [0, -200], [300, 150], [-300, -150], [200, -100], [-200, 100]];
    for (const [x, y] of pans) {
      const done = ended('moveend');
      map.panBy([x, y], { animate: true, duration: 0.4, easeLinearity: 0.5 });
      await done;
    }
    const c = map.getCenter();
    const z = map.getZoom();
    for (const [dz, dx] of [[1, 0.002], [1, -0.002], [-1, 0.002], [-1, -0.002]]) {
      const done = ended('zoomend');
      map.flyTo([c.lat, c.lng + dx], Math.min(map.getMaxZoom(), Math.max(map.getMinZoom(), map.getZoom() + dz)), { duration: 0.6 });
      await done;
    }
    const done = ended('zoomend');
    map.setView(c, z, { animate: true });
    await Promise.race([done, new Promise((r) => setTimeout(r, 1000))]);
    on = false;
    return frames.slice(2);
  })()`)) as number[];
}

/** Starts recording the time between animation frames (reset on every call). */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framesOn = (window.__framesOn || 0) + 1;
    const run = window.__framesOn;
    let last = performance.now();
    const tick = (t) => { if (window.__framesOn !== run) return; window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
}

export async function stopFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(`(() => { window.__framesOn = -1; return window.__frames.slice(2); })()`)) as number[];
}

/** When the map first had its findings, in ms since the navigation started, and how many it had. */
export async function firstDraw(page: Page): Promise<{ at: number; findings: number; indexStart: number; indexMs: number; readStart: number; readMs: number }> {
  // Polled from here: the app's CSP (script-src 'self') refuses waitForFunction's eval of a string.
  for (let i = 0; i < 6000; i++) {
    if ((await page.evaluate(`performance.getEntriesByName('schouwkaart:findings-drawn').length`)) as number) break;
    await page.waitForTimeout(50);
  }
  return (await page.evaluate(`(() => {
    const m = performance.getEntriesByName('schouwkaart:findings-drawn')[0];
    const idx = performance.getEntriesByName('schouwkaart:findings-index').find((e) => e.detail && e.detail.findings > 0);
    const read = performance.getEntriesByName('schouwkaart:map-index-read')[0];
    return { at: m.startTime, findings: (m.detail && m.detail.findings) || 0, indexStart: idx ? idx.startTime : NaN, indexMs: idx ? idx.duration : NaN,
      readStart: read ? read.startTime : NaN, readMs: read ? read.duration : NaN };
  })()`)) as { at: number; findings: number; indexStart: number; indexMs: number; readStart: number; readMs: number };
}
