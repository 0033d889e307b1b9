import fs from 'node:fs';
import path from 'node:path';
import { loadMunicipalityConfig, type MunicipalityConfig } from '../domain/municipality';
import { StartupError, errorCode, errorMessage } from './errors';

export interface LoadedMunicipality {
  config: MunicipalityConfig;
  /** Absolute path of `<id>.municipality.json`. */
  file: string;
  /** Absolute path of its areas file (in the same folder). */
  areasFile: string;
}

/** Read and check `<geoDir>/<id>.municipality.json`. Problems become a `StartupError` naming the file. */
export function loadMunicipality(geoDir: string, id: string): LoadedMunicipality {
  const file = path.join(geoDir, `${id}.municipality.json`);
  const json = readJsonFile(file, `municipality file for MUNICIPALITY=${id}`, 'set MUNICIPALITY or GEO_DIR');
  let config: MunicipalityConfig;
  try {
    config = loadMunicipalityConfig(json);
  } catch (err) {
    const lines = errorMessage(err)
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^Invalid municipality configuration:?$/.test(l.trim()));
    throw new StartupError(lines.map((l) => `${displayPath(file)}: ${l}`).join('\n') || `${displayPath(file)} is invalid`);
  }
  if (config.id !== id) {
    throw new StartupError(`${displayPath(file)}: id is "${config.id}" but the file is for "${id}"`);
  }
  return { config, file, areasFile: path.join(path.dirname(file), config.areasFile) };
}

/** Parse a JSON file; a missing file or bad JSON is a one-line `StartupError`. */
export function readJsonFile(file: string, what: string, hint?: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = errorCode(err) === 'ENOENT' ? 'not found' : `cannot be read (${errorMessage(err)})`;
    throw new StartupError(`${what} ${displayPath(file)} ${reason}${hint ? `; ${hint}` : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new StartupError(`${displayPath(file)} is not valid JSON: ${errorMessage(err)}`);
  }
}

/** A path relative to the working directory when it is inside it, for shorter messages. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Every `<id>.municipality.json` in `geoDir`, the default one (MUNICIPALITY) first; it must exist. Any
 * other file with a problem stops the start too, naming the file.
 */
export function loadAllMunicipalities(geoDir: string, defaultId: string): LoadedMunicipality[] {
  const first = loadMunicipality(geoDir, defaultId);
  let names: string[];
  try {
    names = fs.readdirSync(geoDir);
  } catch {
    return [first];
  }
  const others = names
    .map((n) => /^([a-z0-9]+(?:-[a-z0-9]+)*)\.municipality\.json$/.exec(n)?.[1])
    .filter((id): id is string => id !== undefined && id !== defaultId)
    .sort()
    .map((id) => loadMunicipality(geoDir, id));
  return [first, ...others];
}
