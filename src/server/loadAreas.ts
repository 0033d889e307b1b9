import type { Area } from '../domain/area';
import { validateAreaCollection, type AreaRuleError } from '../domain/areaRules';
import type { AreaGeometry } from '../domain/geojson';
import { StartupError } from './errors';
import { displayPath, readJsonFile } from './municipality';
import type { Store } from './store/Store';

export interface LoadAreasOptions {
  store: Store;
  municipality: { id: string; boundary: AreaGeometry };
  /** Path of the municipality's areas GeoJSON file. */
  areasFile: string;
}

export type LoadAreasResult = { loaded: true; count: number } | { loaded: false; existing: number };

/**
 * On an empty database, load the municipality's areas from its GeoJSON file. The file must pass the area
 * rules as a whole; if it does not, nothing is written and the error has one line per problem, each naming
 * the feature and the reason. A database that already has areas is left alone.
 */
export async function loadAreasIfEmpty({ store, municipality, areasFile }: LoadAreasOptions): Promise<LoadAreasResult> {
  const existing = await store.countAreas(municipality.id);
  if (existing > 0) return { loaded: false, existing };

  const json = readJsonFile(areasFile, 'areas file');
  const result = validateAreaCollection(json, municipality.boundary);
  if (!result.ok) {
    throw new StartupError(result.errors.map((e) => problemLine(areasFile, e)).join('\n'));
  }

  const areas: Area[] = result.areas.map((f) => ({
    ...f.properties,
    geometry: f.geometry,
    municipality: municipality.id,
  }));
  await store.replaceAreas(municipality.id, areas);
  return { loaded: true, count: areas.length };
}

function problemLine(file: string, e: AreaRuleError): string {
  const message = e.message.replace(/\s+/g, ' ').trim();
  const named = e.index < 0 || message.includes(e.feature) ? message : `"${e.feature}" (feature ${e.index}): ${message}`;
  return `${displayPath(file)}: ${named} [${e.reason}]`;
}
