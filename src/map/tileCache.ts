// Shared by the page (offline packs) and the service worker (runtime caching), so both look in the same caches.
export const TILE_PACK_CACHE = 'tile-packs-v1';
export const TILE_RUNTIME_CACHE = 'tiles-runtime-v1';
/** Runtime tiles expire; pack tiles stay until the person deletes the pack. */
export const TILE_RUNTIME_MAX_ENTRIES = 3000;
export const TILE_RUNTIME_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** A tile URL ends in /{z}/{x}/{y}.{png|jpg|jpeg|webp}; nothing else is treated as a tile. */
export const TILE_PATH = /\/\d{1,2}\/\d+\/\d+\.(png|jpe?g|webp)(\?.*)?$/;

export function fillTemplate(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}
