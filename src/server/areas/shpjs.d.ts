declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';
  type Parsed = FeatureCollection & { fileName?: string };
  export function parseZip(buffer: ArrayBuffer | Uint8Array, whiteList?: string[]): Promise<Parsed | Parsed[]>;
  export function parseShp(shp: ArrayBuffer | Uint8Array | DataView, prj?: string): Geometry[];
  export function parseDbf(dbf: ArrayBuffer | Uint8Array | DataView, cpg?: string): Record<string, unknown>[];
  export function combine(parts: [Geometry[], Record<string, unknown>[] | undefined]): Parsed;
  export default function getShapefile(base: string | ArrayBuffer, whiteList?: string[]): Promise<Parsed | Parsed[]>;
}
