import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClientConfig } from './config';
import { loadCachedConfig } from './configCache';
import { holdDbForFirstScreen, loadDb, releaseDb } from './loadDb';
import { fetchConfig } from './fetchConfig';
import { applyMunicipalityChoice, useMunicipalityChoice } from './municipalityChoice';
import { DEFAULT_AREAS_URL, fetchAreas, storeAreas, type RefreshResult } from './refreshAreas';
import { sessionMunicipalities, useSession } from './session';
import { useDbLiveQuery } from './useDbLiveQuery';
import type { Area } from '../domain/area';

export interface AppData {
  config: ClientConfig | null;
  configError: string | null;
  areas: Area[] | undefined;
  lastRefresh: RefreshResult | null;
}

/**
 * The device copy is shown at once; the server's copy replaces it when it arrives. Offline, the
 * last config and areas stay in use. Config and areas are asked for together (index.html preloads
 * both), and the checked areas are shown as they arrive, before they are written to the device. On a
 * first visit the device database loads only once the list shows (loadDb.ts).
 */
export function useAppData(online: boolean): AppData {
  holdDbForFirstScreen();
  const [serverConfig, setConfig] = useState<ClientConfig | null>(() => loadCachedConfig());
  const choice = useMunicipalityChoice();
  const allowedKey = (sessionMunicipalities(useSession()) ?? []).join(',');
  const config = useMemo(() => applyMunicipalityChoice(serverConfig, choice, allowedKey ? allowedKey.split(',') : null), [serverConfig, choice, allowedKey]);
  const [configError, setConfigError] = useState<string | null>(null);
  const [lastRefresh, setLastRefresh] = useState<RefreshResult | null>(null);
  const [fresh, setFresh] = useState<{ municipality: string; areas: Area[] } | null>(null);
  const municipality = config?.municipality.id;

  const refresh = useCallback(async () => {
    try {
      // The default municipality's areas are on their way while the config is: the preloaded request.
      const early = choice === null ? fetch(DEFAULT_AREAS_URL) : null;
      early?.catch(() => undefined);
      const c = await fetchConfig();
      setConfig(c);
      setConfigError(null);
      const m = applyMunicipalityChoice(c, choice)!.municipality.id;
      const r = early && m === c.municipality.id ? await fetchAreas(m, () => early) : await fetchAreas(m);
      if (r.ok) setFresh({ municipality: m, areas: r.areas });
      setLastRefresh(r);
      // Shown first, stored after: the device copy is for the next start, offline included.
      if (r.ok) await storeAreas(await loadDb(), m, r.areas);
    } catch (e) {
      setConfigError(e instanceof Error ? e.message : String(e));
    }
  }, [choice]);

  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);

  // The list shows (or cannot show without the device copy): the database may load now.
  const settled = !online || fresh !== null || lastRefresh !== null || configError !== null;
  useEffect(() => {
    if (settled) releaseDb();
  }, [settled]);
  useEffect(() => releaseDb, []);

  const stored = useDbLiveQuery(
    (db) => (municipality ? db.areas.where('municipality').equals(municipality).toArray() : Promise.resolve([] as Area[])),
    [municipality],
    undefined,
  );
  // Once written, the device copy (live) is the same list; until then the checked answer is shown.
  const areas = fresh && fresh.municipality === municipality && (stored === undefined || stored.length === 0) ? fresh.areas : stored;
  return { config, configError, areas, lastRefresh };
}
