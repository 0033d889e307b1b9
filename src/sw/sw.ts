/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import {
  TILE_PACK_CACHE,
  TILE_PATH,
  TILE_RUNTIME_CACHE,
  TILE_RUNTIME_MAX_AGE_SECONDS,
  TILE_RUNTIME_MAX_ENTRIES,
} from '../map/tileCache';

declare const self: ServiceWorkerGlobalScope;

// The app shell: every built file, so the app opens with no network at all.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (/gebied/...) open offline too; the API is never answered from here (Dexie holds data).
// The shopkeeper's survey page (/enquete) is its own page, never the app shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/enquete/] }));

const runtimeTiles = new CacheFirst({
  cacheName: TILE_RUNTIME_CACHE,
  plugins: [
    new CacheableResponsePlugin({ statuses: [0, 200] }),
    new ExpirationPlugin({ maxEntries: TILE_RUNTIME_MAX_ENTRIES, maxAgeSeconds: TILE_RUNTIME_MAX_AGE_SECONDS, purgeOnQuotaError: true }),
  ],
});

// Tiles: a downloaded area pack wins (it never expires), then the runtime cache, then the network.
registerRoute(
  ({ url, request }) => request.method === 'GET' && !url.pathname.startsWith('/api/') && TILE_PATH.test(url.pathname),
  async (options) => {
    const packs = await caches.open(TILE_PACK_CACHE);
    const hit = await packs.match(options.request.url, { ignoreVary: true });
    if (hit) return hit;
    return runtimeTiles.handle(options);
  },
);

// Take control of the first visit at once, so its tiles are cached and a reload offline works. An update
// still waits for the person: a new worker only activates after SKIP_WAITING.
clientsClaim();

// The page asks the waiting worker to take over only after the person chose "reload".
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
